package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The procedure catalog: YAML files that designers edit, one procedure per file. When two files define the same
 * code, the higher {@code version} wins (an external folder can ship a newer version without a new build). Every file
 * is validated on load; a bad file stops the start with its name and the field at fault. Plain Java, immutable.
 */
public final class ProcedureCatalog {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,99}");
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private final Map<String, Procedure> byCode;
  /** Every loaded version, so that a case keeps the rules it arrived under ("code@version"). */
  private final Map<String, Procedure> byVersion;

  private ProcedureCatalog(Map<String, Procedure> byCode, Map<String, Procedure> byVersion) {
    this.byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
    this.byVersion = Collections.unmodifiableMap(new TreeMap<>(byVersion));
  }

  /** A named YAML source (a file or a classpath resource). */
  public interface Source {
    String name();

    InputStream open() throws IOException;
  }

  /**
   * Loads and validates every source.
   *
   * @throws IllegalArgumentException naming the source and the problem when a file is unreadable or invalid, or two
   *                                  files define the same code and version
   */
  public static ProcedureCatalog load(Collection<? extends Source> sources) {
    Map<String, Procedure> byCode = new TreeMap<>();
    Map<String, Procedure> byVersion = new TreeMap<>();
    for (Source source : sources) {
      Procedure procedure;
      try (InputStream in = source.open()) {
        procedure = YAML.readValue(in, Procedure.class);
      } catch (IOException e) {
        throw new IllegalArgumentException("catalog file " + source.name() + " is not valid: " + e.getMessage(), e);
      }
      validate(procedure, source.name());
      Procedure existing = byCode.get(procedure.code());
      if (existing != null && existing.version() == procedure.version()) {
        throw new IllegalArgumentException("catalog file " + source.name() + ": procedure " + procedure.code()
            + " version " + procedure.version() + " is defined twice");
      }
      if (existing == null || existing.version() < procedure.version()) {
        byCode.put(procedure.code(), procedure);
      }
      byVersion.put(key(procedure.code(), procedure.version()), procedure);
    }
    return new ProcedureCatalog(byCode, byVersion);
  }

  public static ProcedureCatalog of(List<Procedure> procedures) {
    Map<String, Procedure> byCode = new TreeMap<>();
    Map<String, Procedure> byVersion = new TreeMap<>();
    procedures.forEach(p -> {
      validate(p, p.code());
      byCode.merge(p.code(), p, (a, b) -> a.version() >= b.version() ? a : b);
      byVersion.put(key(p.code(), p.version()), p);
    });
    return new ProcedureCatalog(byCode, byVersion);
  }

  /** The current (highest) version of a procedure: what new applications are checked against. */
  public Optional<Procedure> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /**
   * The version a case arrived under: its period, documents and correction rules stay those it was received with
   * when a designer publishes a new version; falls back to the current version if that file was removed.
   */
  public Optional<Procedure> find(String code, int version) {
    return Optional.ofNullable(byVersion.get(key(code, version))).or(() -> find(code));
  }

  private static String key(String code, int version) {
    return code + "@" + version;
  }

  /** The procedures offered in a tenant, ordered by code. */
  public List<Procedure> forTenant(String tenantId) {
    return byCode.values().stream().filter(p -> p.offeredIn(tenantId)).toList();
  }

  public List<Procedure> all() {
    return List.copyOf(byCode.values());
  }

  /**
   * @throws IllegalArgumentException naming the file and the field when the procedure is not valid
   */
  static void validate(Procedure p, String file) {
    String where = "catalog file " + file + ": ";
    require(p.code() != null && CODE.matcher(p.code()).matches(), where + "code must be kebab-case");
    require(p.version() >= 1, where + "version must be 1 or more");
    require(notBlank(p.name()), where + "name is required");
    require(p.tenants() != null && !p.tenants().isEmpty(), where + "tenants must list at least one tenant");
    require(p.legalBasis() != null && Procedure.LEGAL_BASIS_KINDS.contains(p.legalBasis().kind())
        && notBlank(p.legalBasis().text()), where + "legalBasis needs kind (law|ordinance|guideline) and text");
    period(p.standardPeriod(), where + "standardPeriod");
    require(p.documents() != null, where + "documents is required (may be empty)");
    Set<String> kinds = new HashSet<>();
    for (Procedure.DocumentKind d : p.documents()) {
      require(d.kind() != null && CODE.matcher(d.kind()).matches() && notBlank(d.name()),
          where + "documents need a kebab-case kind and a name");
      require(kinds.add(d.kind()), where + "document kind " + d.kind() + " appears twice");
    }
    require(p.fields() != null, where + "fields is required (may be empty)");
    Set<String> keys = new HashSet<>();
    for (Procedure.Field f : p.fields()) {
      require(f.key() != null && KEY.matcher(f.key()).matches(), where + "field keys must be lowerCamel");
      require(keys.add(f.key()), where + "field " + f.key() + " appears twice");
      require(notBlank(f.label()), where + "field " + f.key() + " needs a label");
      require(Procedure.FIELD_TYPES.contains(f.type()),
          where + "field " + f.key() + " type must be one of " + Procedure.FIELD_TYPES);
    }
    for (Procedure.Field f : p.fields()) {
      if (f.minimum() != null) {
        require("number".equals(f.type()), where + "field " + f.key() + " minimum is for number fields only");
      }
      if (f.notBefore() != null) {
        require("date".equals(f.type()) && p.field(f.notBefore()).filter(o -> "date".equals(o.type())
            && !o.key().equals(f.key())).isPresent(), where + "field " + f.key() + " notBefore must name another "
            + "date field (and be a date itself)");
      }
    }
    require(p.review() != null && notBlank(p.review().department()), where + "review.department is required");
    require(notBlank(p.decisionAuthority()), where + "decisionAuthority is required");
    require(p.notification() != null && Procedure.CHANNELS.contains(p.notification().channel()),
        where + "notification.channel must be one of " + Procedure.CHANNELS);
    require(p.correction() != null, where + "correction is required");
    period(p.correction().deadline(), where + "correction.deadline");
    require(Procedure.TIMEOUT_REFUSAL.equals(p.correction().onTimeout())
        || Procedure.TIMEOUT_DEEMED_WITHDRAWN.equals(p.correction().onTimeout()),
        where + "correction.onTimeout must be refusal or deemed-withdrawn");
    Integer reminder = p.correction().reminderOpenDaysBefore();
    require(reminder == null || (reminder >= 0 && reminder <= Procedure.Correction.MAX_REMINDER_OPEN_DAYS),
        where + "correction.reminderOpenDaysBefore must be 0 (no reminder) to "
            + Procedure.Correction.MAX_REMINDER_OPEN_DAYS + " open days");
    if (p.arrivalDateMaxAge() != null) {
      period(p.arrivalDateMaxAge(), where + "arrivalDateMaxAge");
      require("calendar-days".equals(p.arrivalDateMaxAge().unit()),
          where + "arrivalDateMaxAge.unit must be calendar-days");
    }
    if (p.legacyRegister() != null) {
      require(notBlank(p.legacyRegister().name()) && p.legacyRegister().name().length() <= 100,
          where + "legacyRegister.name is required (at most 100 characters)");
      Map<String, String> entry = p.legacyRegister().entry() == null ? Map.of() : p.legacyRegister().entry();
      for (Map.Entry<String, String> e : entry.entrySet()) {
        require(LEGACY_ENTRY_FIELDS.contains(e.getKey()), where + "legacyRegister.entry." + e.getKey()
            + " is not an entry field; use one of " + LEGACY_ENTRY_FIELDS);
        String source = e.getValue() == null ? "" : e.getValue();
        boolean known = source.startsWith("applicant.") && APPLICANT_KEYS.contains(source.substring(10))
            || source.startsWith("data.") && p.field(source.substring(5)).isPresent();
        require(known, where + "legacyRegister.entry." + e.getKey() + " must be applicant.<" + String.join("|",
            APPLICANT_KEYS) + "> or data.<a field key>, was '" + source + "'");
      }
    }
  }

  /** Entry fields of the legacy-system bot a catalog may map (the rest are set by the platform). */
  static final List<String> LEGACY_ENTRY_FIELDS = List.of("applicantNameKana", "applicantBirthDate", "postalCode",
      "address", "amount");
  /** What the API keeps of an applicant. */
  static final List<String> APPLICANT_KEYS = List.of("name", "email", "address", "phone", "corporateNumber");

  private static void period(Procedure.Period period, String what) {
    require(period != null && period.value() >= 1 && period.value() <= 3650,
        what + ".value must be between 1 and 3650");
    try {
      Procedure.unitOf(period.unit());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + "." + e.getMessage(), e);
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
