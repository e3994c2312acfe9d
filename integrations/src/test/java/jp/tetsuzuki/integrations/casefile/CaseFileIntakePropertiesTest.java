package jp.tetsuzuki.integrations.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as the environment gives them (comma-separated lists, empty variables). */
class CaseFileIntakePropertiesTest {

  private static CaseFileIntakeProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("tetsuzuki.integrations.case-file", CaseFileIntakeProperties.class);
  }

  @Test
  void defaultsStartTheConnectivityCheckAndTakeApplicationsAndServeNoTenant() {
    CaseFileIntakeProperties defaults = bind(Map.of());
    assertThat(defaults.processKeys()).containsExactly("connectivity-check", "administrative-procedure");
    assertThat(defaults.serviceUser()).isEqualTo("svc-case-file-intake");
    assertThat(defaults.tenants()).isEmpty();
    assertThat(defaults.claimExpiry()).isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.claimKeepAlive()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void listsFromTheEnvironmentAreTrimmedAndAnEmptyVariableMeansNone() {
    CaseFileIntakeProperties settings = bind(Map.of(
        "tetsuzuki.integrations.case-file.process-keys", "connectivity-check, contract-payment ,",
        "tetsuzuki.integrations.case-file.tenants", ""));
    assertThat(settings.processKeys()).containsExactly("connectivity-check", "contract-payment");
    assertThat(settings.tenants()).isEmpty();
    assertThat(bind(Map.of("tetsuzuki.integrations.case-file.tenants", "demo-ku,demo-shi")).tenants())
        .containsExactly("demo-ku", "demo-shi");
  }

  @Test
  void modelsThatMustNotStartFromAFileAreRefusedAtStart() {
    for (String key : CaseFileIntakeProperties.NEVER_FROM_FILES) {
      assertThatThrownBy(() -> bind(Map.of("tetsuzuki.integrations.case-file.process-keys",
          "connectivity-check," + key)))
          .isInstanceOf(BindException.class).hasRootCauseMessage("tetsuzuki.integrations.case-file.process-keys: '"
              + key + "' cannot be started from a case file (approvals are started by their case)");
    }
  }

  @Test
  void aClaimMustOutliveItsRefresh() {
    assertThatThrownBy(() -> bind(Map.of("tetsuzuki.integrations.case-file.claim-expiry", "30s",
        "tetsuzuki.integrations.case-file.claim-keep-alive", "30s")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("claim-expiry");
  }
}
