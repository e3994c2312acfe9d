package jp.tetsuzuki.integrations.municipalcsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The ward system's SFTP server in a test: Apache MINA SSHD on loopback, password login of one account, its files
 * under {@code root} (the inbox is {@code /municipal-csv/inbox}, {@code done} and {@code failed} its siblings).
 * Test code only; it writes a known_hosts file with its own host key, so the route checks the key as in production.
 */
final class SftpInbox implements AutoCloseable {

  static final String USER = "ward-a";
  static final String PASSWORD = "Sftp-Kennwort-2026";

  final Path root;
  final Path knownHosts;
  private final SshServer server;

  SftpInbox(Path folder) throws IOException {
    root = Files.createDirectories(folder.resolve("sftp-root"));
    Files.createDirectories(root.resolve("municipal-csv/inbox"));
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(folder.resolve("host-key.ser")));
    server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
    knownHosts = folder.resolve("known_hosts");
    Files.writeString(knownHosts, knownHostsLine(hostKey()) + "\n");
  }

  int port() {
    return server.getPort();
  }

  PublicKey hostKey() throws IOException {
    try {
      KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
      return pair.getPublic();
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  /** A known_hosts line for this server ({@code [127.0.0.1]:port} as OpenSSH writes non-standard ports). */
  String knownHostsLine(PublicKey key) {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key);
  }

  String source() {
    return "sftp://127.0.0.1:" + port() + "/municipal-csv/inbox";
  }

  MunicipalCsvSource sourceWith(Path knownHostsFile, Path workDirectory) {
    return new MunicipalCsvSource(source(), new MunicipalCsvSource.Sftp(USER, PASSWORD, "", "",
        knownHostsFile.toString(), workDirectory.toString()));
  }

  /** Uploads as a ward system does that writes under a temporary name and renames (the rename is atomic). */
  void upload(String name, byte[] content) throws IOException {
    Path inbox = root.resolve("municipal-csv/inbox");
    Path temp = inbox.resolve("." + name + ".tmp");
    Files.write(temp, content);
    Files.move(temp, inbox.resolve(name));
  }

  Path remote(String folder, String name) {
    return root.resolve("municipal-csv").resolve(folder).resolve(name);
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
