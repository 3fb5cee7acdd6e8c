package dev.jwtauth.errors;

import java.util.List;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * JSON is read strictly: a number is not a string ({@code "username": 12345} is a 400,
 * not a coerced name), a key may appear once, and nesting and number sizes are capped
 * far below anything that could cost memory or time.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	static final int MAX_NESTING_DEPTH = 32;

	static final int MAX_NUMBER_LENGTH = 32;

	private static final List<MediaType> OTHER_FORMATS = List.of(MediaType.APPLICATION_CBOR,
			MediaType.APPLICATION_YAML, MediaType.APPLICATION_XML, MediaType.TEXT_XML);

	@Bean
	JsonMapperBuilderCustomizer strictJsonMapper() {
		// Declaration order, not Jackson 3's alphabetical default: problem documents then
		// read type, title, status, detail as RFC 9457 lists them.
		return (builder) -> builder.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, (config) -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Object, CoercionAction.Fail));
	}

	/**
	 * The API speaks JSON. Libraries on the class path (webauthn4j, springdoc, Hibernate)
	 * bring CBOR, YAML and XML writers, which Spring MVC offered any client asking for
	 * them, and which every response's content negotiation weighed.
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer jsonNotOtherFormats() {
		return (builder) -> builder.configureMessageConvertersList(
				(converters) -> converters.removeIf(StrictJsonConfiguration::writesOtherFormatsOnly));
	}

	private static boolean writesOtherFormatsOnly(HttpMessageConverter<?> converter) {
		List<MediaType> types = converter.getSupportedMediaTypes();
		return !types.isEmpty() && types.stream()
			.allMatch((type) -> OTHER_FORMATS.stream().anyMatch((other) -> other.includes(type))
					|| type.getSubtype().endsWith("+xml"));
	}

	@Bean
	JsonFactoryBuilderCustomizer boundedJsonFactory() {
		return (builder) -> builder.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(MAX_NESTING_DEPTH)
			.maxNumberLength(MAX_NUMBER_LENGTH)
			.maxStringLength(16 * 1024)
			.build());
	}

}
