package jp.tetsuzuki.processes.api;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies of the public API are read as typed: besides {@code accept-float-as-int} and
 * {@code allow-coercion-of-scalars} (application.yaml: "7" is no number, 2.99 no whole number), a number or a boolean
 * where a text belongs is refused naming the field (Jackson converts it by default, also with those settings; second
 * attacker pass N11: a title 12345 was taken).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
