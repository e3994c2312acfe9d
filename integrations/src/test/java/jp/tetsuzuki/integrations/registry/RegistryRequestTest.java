package jp.tetsuzuki.integrations.registry;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tetsuzuki.integrations.registry.demo.RegistrySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The request each route sends, seen at a mock in place of the registry (AdviceWith, MockEndpoint): the documented
 * path, the application id, the number, the answer format and no history; and the mock's answer read as found.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = RegistryRoutesTest.App.class, properties = "camel.main.name=registry-request-test")
class RegistryRequestTest {

  @Autowired CamelContext camel;
  @Autowired RegistryClient registries;

  @Test
  void eachLookUpAsksTheDocumentedQuestion() throws Exception {
    String number = RegistrySimulator.number("700110005995");
    AdviceWith.adviceWith(camel, RegistryRoutes.CORPORATE_ROUTE_ID + "-request", a -> a.weaveByToUri("http*")
        .replace().to("mock:corporate-registry").setHeader(Exchange.HTTP_RESPONSE_CODE, a.constant(200))
        .setBody(a.constant("<corporations><count>1</count><corporation><corporateNumber>" + number
            + "</corporateNumber><process>01</process><name>模擬株式会社</name><latest>1</latest>"
            + "<assignmentDate>2015-10-05</assignmentDate></corporation></corporations>")));
    AdviceWith.adviceWith(camel, RegistryRoutes.INVOICE_ROUTE_ID + "-request", a -> a.weaveByToUri("http*")
        .replace().to("mock:invoice-registry").setHeader(Exchange.HTTP_RESPONSE_CODE, a.constant(200))
        .setBody(a.constant("{\"count\":\"0\",\"announcement\":[]}")));
    camel.start();
    MockEndpoint corporate = camel.getEndpoint("mock:corporate-registry", MockEndpoint.class);
    MockEndpoint invoice = camel.getEndpoint("mock:invoice-registry", MockEndpoint.class);
    corporate.expectedMessageCount(1);
    corporate.expectedHeaderReceived(Exchange.HTTP_METHOD, "GET");
    corporate.expectedHeaderReceived(Exchange.HTTP_QUERY,
        "id=" + RegistryRoutesTest.APPLICATION_ID + "&number=" + number + "&type=12&history=0");
    invoice.expectedMessageCount(1);
    invoice.expectedHeaderReceived(Exchange.HTTP_QUERY,
        "id=" + RegistryRoutesTest.APPLICATION_ID + "&number=T" + number + "&type=21&history=0");

    assertThat(registries.corporateNumber(number)).isInstanceOfSatisfying(CorporateNumberResult.Found.class,
        found -> assertThat(found.corporation().name()).isEqualTo("模擬株式会社"));
    assertThat(registries.invoiceRegistration("T" + number)).isInstanceOf(InvoiceRegistrationResult.NotFound.class);

    MockEndpoint.assertIsSatisfied(camel);
  }
}
