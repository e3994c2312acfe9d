package jp.tetsuzuki.processes.document;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import jp.tetsuzuki.processes.approval.TenantMembers;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;

/**
 * Who may read, attach and recognise a stored document: the account that submitted it, and the staff (group
 * {@code staff} or {@code supervisors}) of the document's tenant. Anyone else is told the document does not exist, so
 * that two outside systems of one municipality never see each other's files. The one rule for the document API and
 * for attaching documents to applications.
 */
public final class DocumentAccess {

  private final DocumentStore store;
  private final TenantMembers members;
  private final IdentityService identity;

  public DocumentAccess(DocumentStore store, TenantMembers members, IdentityService identity) {
    this.store = store;
    this.members = members;
    this.identity = identity;
  }

  /** The document if the caller may use it; empty when it does not exist or the caller may not know of it. */
  public Optional<StoredFile> usable(String caller, String documentId) {
    if (caller == null || documentId == null) {
      return Optional.empty();
    }
    return store.find(documentId).filter(f -> allows(f, caller, members.isMember(f.tenantId(), caller),
        () -> isStaff(caller)));
  }

  /**
   * The rule itself: a member of the document's tenant who submitted it or is staff there.
   *
   * @param memberOfTenant whether the caller belongs to the document's tenant
   * @param staff whether the caller is staff or a supervisor (of any tenant; the tenant check is separate)
   */
  static boolean allows(StoredFile file, String caller, boolean memberOfTenant, BooleanSupplier staff) {
    return memberOfTenant && (caller.equals(file.createdBy()) || staff.getAsBoolean());
  }

  private boolean isStaff(String caller) {
    return jp.tetsuzuki.processes.identity.Office.isStaffOrSupervisor(identity, caller);
  }
}
