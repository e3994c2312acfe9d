package jp.tetsuzuki.processes.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the caller's identity, for the platform's own bookkeeping once our checks have passed
 * (e.g. correlating a withdrawal the caller may ask for but holds no engine permission to send). The caller's
 * identity is restored afterwards, also when the call fails.
 */
public final class AsPlatform {

  private AsPlatform() {}

  public static <T> T call(IdentityService identity, Supplier<T> action) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
