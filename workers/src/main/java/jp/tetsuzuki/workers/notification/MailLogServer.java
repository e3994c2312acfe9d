package jp.tetsuzuki.workers.notification;

/**
 * The default mail log is an H2 file opened with {@code AUTO_SERVER=TRUE}, so that the platform's in-JVM workers and a
 * worker application on the same host share it: the first process serves it to the others over TCP. H2 binds that
 * server to every interface unless {@code h2.bindAddress} says otherwise (review 2026-12-01: the port was reachable
 * from the network, guarded only by a key in the lock file). The processes of one host talk over loopback only.
 */
public final class MailLogServer {

  static final String BIND_ADDRESS = "h2.bindAddress";

  private MailLogServer() {}

  /** Call first thing in {@code main}, before any H2 class is loaded (H2 reads the property once). */
  public static void loopbackOnly() {
    if (System.getProperty(BIND_ADDRESS) == null) {
      System.setProperty(BIND_ADDRESS, "127.0.0.1");
    }
  }
}
