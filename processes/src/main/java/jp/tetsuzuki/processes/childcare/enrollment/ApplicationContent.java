package jp.tetsuzuki.processes.childcare.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * What a parent declares in a childcare application (kept as JSON in {@code tz_childcare_application}): the
 * guardians' situation, the facts behind the adjustments, the children with their ordered preferences and the
 * documents. {@code siblingPattern} is the code 1…7 of the allocation engine's {@code SiblingPattern} (null for a
 * single child). Work figures a guardian declares are replaced by the verified employment certificate.
 */
public record ApplicationContent(
    List<Guardian> guardians,
    boolean singleParent,
    boolean siblingEnrolledAtFirstChoice,
    boolean parentalLeaveEnding,
    boolean welfare,
    boolean guardianPostedAway,
    int waitingMonths,
    Integer siblingPattern,
    List<Child> children,
    List<Document> documents) {

  /** One guardian: the reason code ({@code work}, {@code other-work}, {@code pregnancy}, {@code none}) and work. */
  public record Guardian(String name, String reason, Integer daysPerMonth, Double hoursPerDay, Integer daysPerWeek,
      Double hoursPerWeek) {}

  /** One child: birth date, preferences (facility ids, 第1希望 first), current facility for a transfer. */
  public record Child(String childId, String name, LocalDate birthDate, List<String> preferences,
      String currentFacilityId) {}

  /** One attached document; {@code kind} {@link #KIND_EMPLOYMENT_CERTIFICATE} names the guardian (1 or 2). */
  public record Document(String documentId, String kind, Integer guardianNumber, String fileName) {}

  public static final String KIND_EMPLOYMENT_CERTIFICATE = "employment-certificate";
  public static final String KIND_OTHER = "other";
}
