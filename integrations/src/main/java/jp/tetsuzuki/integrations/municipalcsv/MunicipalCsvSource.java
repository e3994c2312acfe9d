package jp.tetsuzuki.integrations.municipalcsv;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the municipal CSV intake takes its files from ({@code tetsuzuki.integrations.municipal-csv.source}): empty
 * for the local {@code inbox} folder (the default), or {@code sftp://host[:port]/path/to/inbox} for a ward system
 * that delivers over SFTP. The credentials come from the environment ({@code sftp.*}); the server's host key must be
 * in {@code sftp.known-hosts-file} (checked strictly: an unknown or changed key refuses the connection, and no
 * setting turns the check off). Files taken from SFTP move on the server to the inbox's sibling folders {@code done}
 * and {@code failed}; a copy and the rejection report go to the local {@code done}/{@code failed} folders as for the
 * local inbox, so staff read reports in one place.
 *
 * @param source empty, or the SFTP inbox as {@code sftp://host[:port]/path}
 * @param sftp the SFTP account and the known hosts
 */
@ConfigurationProperties("tetsuzuki.integrations.municipal-csv")
public record MunicipalCsvSource(@DefaultValue("") String source, @DefaultValue Sftp sftp) {

  /** The local inbox folder. */
  public static final MunicipalCsvSource LOCAL = new MunicipalCsvSource("", null);

  /**
   * @param username the ward system's account on the SFTP server
   * @param password its password, or empty when a private key is used
   * @param privateKeyFile an OpenSSH private key file, or empty
   * @param privateKeyPassphrase the key's passphrase, or empty
   * @param knownHostsFile a known_hosts file holding the server's host key (required)
   * @param localWorkDirectory where a file is downloaded to while it is taken (empty: a folder {@code .sftp-work}
   *     beside the local inbox)
   */
  public record Sftp(@DefaultValue("") String username, @DefaultValue("") String password,
      @DefaultValue("") String privateKeyFile, @DefaultValue("") String privateKeyPassphrase,
      @DefaultValue("") String knownHostsFile, @DefaultValue("") String localWorkDirectory) {

    @Override
    public String toString() {
      return "Sftp[username=" + username + ", password=****, privateKeyFile=" + privateKeyFile
          + ", knownHostsFile=" + knownHostsFile + "]";
    }
  }

  public MunicipalCsvSource {
    source = source == null ? "" : source.strip();
    sftp = sftp == null ? new Sftp("", "", "", "", "", "") : sftp;
    if (!source.isEmpty()) {
      URI uri;
      try {
        uri = URI.create(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv.source is not a URI: " + source);
      }
      if (!"sftp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null
          || uri.getPath().isBlank() || "/".equals(uri.getPath())) {
        throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv.source must be empty (the local inbox)"
            + " or sftp://host[:port]/path/to/inbox, not " + source);
      }
      if (uri.getUserInfo() != null || uri.getQuery() != null) {
        throw new IllegalArgumentException("tetsuzuki.integrations.municipal-csv.source names the server and folder"
            + " only: the account comes from sftp.username/password (TETSUZUKI_MUNICIPAL_CSV_SFTP_*), no options");
      }
      if (sftp.username().isBlank() || sftp.password().isBlank() && sftp.privateKeyFile().isBlank()) {
        throw new IllegalArgumentException("SFTP source " + source + ": set TETSUZUKI_MUNICIPAL_CSV_SFTP_USER and "
            + "TETSUZUKI_MUNICIPAL_CSV_SFTP_PASSWORD or TETSUZUKI_MUNICIPAL_CSV_SFTP_PRIVATE_KEY_FILE");
      }
      if (sftp.knownHostsFile().isBlank() || !Files.isReadable(Path.of(sftp.knownHostsFile()))) {
        throw new IllegalArgumentException("SFTP source " + source + ": TETSUZUKI_MUNICIPAL_CSV_SFTP_KNOWN_HOSTS must "
            + "name a readable known_hosts file with the server's host key (ssh-keyscan, checked with the ward); "
            + "the host key is always checked");
      }
    }
  }

  public boolean isSftp() {
    return !source.isEmpty();
  }

  /** The server's address and folder, for the log and the endpoint: {@code sftp://host:port/path}. */
  String endpointUri() {
    URI uri = URI.create(source);
    return "sftp://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 22) + uri.getPath();
  }
}
