package jp.tetsuzuki.integrations.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An exchange folder with one folder per tenant, {@code <folder>/<tenant>/{inbox,done,failed}}, as the file intakes
 * that serve several municipalities read it (the municipal CSV intake, the e-invoice intake): the tenant of a file is
 * the tenant of the inbox it lies in, never the file's own word, and folders of tenants the route does not serve are
 * not read. Implemented by the routes' settings records ({@code folder}, {@code tenants}, {@code pollDelay},
 * {@code claimReleaseDelay} are their components).
 */
public interface TenantInboxFolders {

  /** The claim's key of a file (the same wherever the inbox is): name, size and modification time. */
  String CLAIM_KEY = "${file:name}-${file:size}-${file:modified}";

  /** The exchange folder holding one folder per tenant. */
  String folder();

  /** The tenants served, one inbox each. */
  List<String> tenants();

  /** How often the inboxes are listed. */
  Duration pollDelay();

  /** How long a finished file's claim is kept after the move. */
  Duration claimReleaseDelay();

  /** The folder of a tenant's files ({@code <folder>/<tenant>}). */
  default Path tenantFolder(String tenantId) {
    return Paths.get(folder()).toAbsolutePath().resolve(tenantId);
  }

  /** The tenant's inbox: {@code <folder>/<tenant>/inbox}. */
  default Path inbox(String tenantId) {
    return tenantFolder(tenantId).resolve("inbox");
  }

  /** Where the tenant's taken files go: {@code <folder>/<tenant>/done}. */
  default Path done(String tenantId) {
    return tenantFolder(tenantId).resolve("done");
  }

  /** Where the tenant's refused files and their reports go: {@code <folder>/<tenant>/failed}. */
  default Path failed(String tenantId) {
    return tenantFolder(tenantId).resolve("failed");
  }

  /** Whether the route serves the tenant. */
  default boolean serves(String tenantId) {
    return tenants().contains(tenantId);
  }

  /**
   * The tenant whose inbox holds {@code file} ({@code <folder>/<tenant>/inbox/<file>}), if it is one the route
   * serves.
   */
  default Optional<String> tenantOfInboxFile(Path file) {
    Path inbox = file.toAbsolutePath().getParent();
    if (inbox == null || inbox.getParent() == null || !"inbox".equals(String.valueOf(inbox.getFileName()))) {
      return Optional.empty();
    }
    String tenant = String.valueOf(inbox.getParent().getFileName());
    return serves(tenant) && inbox.equals(inbox(tenant)) ? Optional.of(tenant) : Optional.empty();
  }

  /**
   * The tenant of the inbox a taken file came from: by the file, else by its path as the consumer named it
   * ({@code CamelFilePath}; either may be null); {@code null} when neither lies in a served tenant's inbox.
   */
  default String tenantOfInbox(Path file, String filePath) {
    Optional<String> tenant = file == null ? Optional.empty() : tenantOfInboxFile(file);
    if (tenant.isEmpty() && filePath != null) {
      tenant = tenantOfInboxFile(Paths.get(filePath));
    }
    return tenant.orElse(null);
  }

  /**
   * Where a faulted file goes: its tenant's {@code failed}, or the exchange folder's own {@code failed} when its inbox
   * is not known ({@code tenantId} null: the file was never read).
   */
  default Path failedFolderOf(String tenantId) {
    return tenantId == null ? Paths.get(folder()).toAbsolutePath().resolve("failed") : failed(tenantId);
  }

  /** Creates every served tenant's inbox (where its sender writes). */
  default void createInboxes() {
    for (String tenant : tenants()) {
      try {
        Files.createDirectories(inbox(tenant));
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the inbox " + inbox(tenant), e);
      }
    }
  }

  /**
   * The file endpoint reading the served tenants' inboxes only ({@code recursive} at depth 3:
   * {@code <tenant>/inbox/<file>}, file names matching {@code patterns}, e.g. {@code *.xml}). A file is claimed in the
   * shared table {@code claims} (a registry bean) with {@code readLock=idempotent-changed}, then waited for until it
   * is no longer written; its claim goes when the file has moved, after the release delay (a node that listed the
   * folder just before the move must still find it claimed). It moves to the path in header {@code targetHeader}, or
   * after an unhandled fault to the inbox's sibling {@code failed}. With no tenant served every inbox pattern is given
   * (the route is then not to be started).
   */
  default String inboxEndpoint(String claims, String targetHeader, String... patterns) {
    List<String> tenants = tenants().isEmpty() ? List.of("*") : tenants();
    String inboxes = tenants.stream().flatMap(t -> java.util.Arrays.stream(patterns).map(p -> t + "/inbox/" + p))
        .collect(Collectors.joining(","));
    return "file:" + Paths.get(folder()).toAbsolutePath() + "?recursive=true&minDepth=3&maxDepth=3"
        + "&antInclude=" + inboxes
        + "&readLock=idempotent-changed&idempotentRepository=#" + claims + "&idempotentKey=" + CLAIM_KEY
        + "&readLockCheckInterval=500&readLockTimeout=10000&readLockMinLength=0"
        + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
        + "&readLockIdempotentReleaseDelay=" + claimReleaseDelay().toMillis() + "&readLockIdempotentReleaseAsync=true"
        + "&move=${header." + targetHeader + "}"
        + "&moveFailed=${file:parent}/../failed/${file:onlyname.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}"
        + "&delay=" + pollDelay().toMillis() + "&maxMessagesPerPoll=10";
  }

  /**
   * The served tenants, trimmed and without repeats, each checked to name a folder; for the settings records'
   * constructors ({@code prefix} is their property prefix, named in the error).
   */
  static List<String> checkedTenants(String prefix, String folder, List<String> tenants) {
    if (folder == null || folder.isBlank()) {
      throw new IllegalArgumentException(prefix + ".folder is required");
    }
    List<String> served = tenants == null ? List.of() : tenants.stream().map(String::trim).filter(t -> !t.isEmpty())
        .distinct().toList();
    for (String tenant : served) {
      if (!TENANT_FOLDER.matcher(tenant).matches()) {
        throw new IllegalArgumentException(prefix + ".tenants: '" + tenant
            + "' cannot name an inbox folder (letters, digits, '-' and '_' only)");
      }
    }
    return served;
  }

  /** What a tenant id must look like to name a folder (no separators, no {@code ..}). */
  Pattern TENANT_FOLDER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
}
