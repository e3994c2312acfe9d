package jp.tetsuzuki.processes.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about itself (springdoc's default was 「OpenAPI definition」, version v0). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  @Bean
  OpenAPI tetsuzukiOpenApi(@Value("${tetsuzuki.api.version:v1}") String version) {
    return new OpenAPI()
        .info(new Info().title("Tetsuzuki public API (手続 公開API)").version(version)
            .description("Administrative procedures, documents, contract payment and childcare for outside systems of "
                + "the municipalities. HTTP Basic; every POST that creates something takes an Idempotency-Key; errors "
                + "are problem JSON naming the field, with messageJa for people."))
        .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
