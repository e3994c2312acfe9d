package jp.tetsuzuki.processes.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The JSON bodies of our own endpoints ({@code /api/v1}, Spring MVC) are read typed: 120000.5 is no whole number of
 * yen, "7" no number, 12345 no text, and a key given twice ({"tenantId":"demo-ku","tenantId":"demo-shi"}) is refused,
 * not "the last one wins" (second attacker pass N6/N11, review 3 C10). Each is refused naming the field. Jackson
 * converts all of these by default. Only Spring MVC's converter gets the strict copy: the application's
 * {@link ObjectMapper} bean, which Camunda's REST (Jersey) and the webapps may use, stays as it is.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  /**
   * A copy of the application's mapper that refuses converted scalars and duplicate keys (for a controller that reads
   * its body itself).
   */
  public static ObjectMapper strict(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    strict.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return strict;
  }

  @Bean
  WebMvcConfigurer strictJsonBodies(ObjectMapper mapper) {
    ObjectMapper strict = strict(mapper);
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
          if (converter instanceof MappingJackson2HttpMessageConverter json) {
            json.setObjectMapper(strict);
          }
        }
      }
    };
  }
}
