package jp.tetsuzuki.processes.childcare.allocation;

import java.util.Arrays;
import java.util.Objects;

/**
 * A facility (保育所) of the round: its id, its name and the places it offers in each class age 0…5 (N歳募集人数).
 * Places held by children already enrolled are not in the numbers; a transfer applicant's own place is added by the
 * engine (it is freed if the child moves).
 */
public record Facility(String id, String name, int[] placesByAge) {

  /** Class ages 0 to 5 (the age on 1 April of the fiscal year). */
  public static final int AGES = 6;

  public Facility {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    Objects.requireNonNull(placesByAge, "placesByAge");
    if (placesByAge.length != AGES) {
      throw new IllegalArgumentException("placesByAge: exactly " + AGES + " class ages (0 to 5)");
    }
    placesByAge = placesByAge.clone();
  }

  public static Facility of(String id, String name, int... placesByAge) {
    return new Facility(id, name, placesByAge);
  }

  public int places(int classAge) {
    return placesByAge[classAge];
  }

  @Override
  public int[] placesByAge() {
    return placesByAge.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Facility f && f.id.equals(id) && f.name.equals(name)
        && Arrays.equals(f.placesByAge, placesByAge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, Arrays.hashCode(placesByAge));
  }

  @Override
  public String toString() {
    return "Facility[" + id + " " + name + " " + Arrays.toString(placesByAge) + "]";
  }
}
