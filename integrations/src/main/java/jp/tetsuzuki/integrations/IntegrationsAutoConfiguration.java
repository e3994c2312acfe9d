package jp.tetsuzuki.integrations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import jp.tetsuzuki.integrations.accounting.AccountingExchangeProperties;
import jp.tetsuzuki.integrations.casefile.CaseFileIntakeProperties;
import jp.tetsuzuki.integrations.einvoice.EInvoiceIntakeProperties;
import jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvProperties;
import jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvSource;
import jp.tetsuzuki.integrations.nursery.NurseryProperties;
import jp.tetsuzuki.integrations.registry.RegistryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Camel routes to municipal systems. They reach the engine only through the ports in {@code port}, implemented
 * by the platform (in-JVM) or by a REST adapter in a separate deployment; {@code tetsuzuki.integrations.enabled=false}
 * leaves them out.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tetsuzuki.integrations.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableConfigurationProperties({CaseFileIntakeProperties.class, MunicipalCsvProperties.class,
    RegistryProperties.class, MunicipalCsvSource.class,
    AccountingExchangeProperties.class, EInvoiceIntakeProperties.class,
    NurseryProperties.class})
public class IntegrationsAutoConfiguration {}
