package jp.tetsuzuki.workers.ocr;

import jp.tetsuzuki.workers.documents.DocumentInspector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Intake and OCR services as beans; engines are created lazily per worker thread, so startup needs no Tesseract. */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

  @Bean
  DocumentInspector documentInspector() {
    return new DocumentInspector();
  }

  @Bean(destroyMethod = "close")
  TesseractEngine tesseractEngine() {
    return new TesseractEngine();
  }

  @Bean
  OcrPipeline ocrPipeline(TesseractEngine engine) {
    return new OcrPipeline(engine);
  }

  @Bean
  EmploymentCertificateReader employmentCertificateReader(OcrPipeline pipeline) {
    return new EmploymentCertificateReader(pipeline);
  }

  @Bean
  InvoiceReader invoiceReader(OcrPipeline pipeline) {
    return new InvoiceReader(pipeline);
  }
}
