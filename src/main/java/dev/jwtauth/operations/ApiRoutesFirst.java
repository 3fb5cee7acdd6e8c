package dev.jwtauth.operations;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Looks a request up among the service's own routes before the actuator's. Boot puts the
 * actuator's handler mappings first, so every API request was first tried against each
 * actuator endpoint's pattern and media types, a tenth of what {@code /ping} costs. No API
 * route shares a path with an actuator endpoint, so the order changes no answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutesFirst {

	/** Before the actuator's mappings, which Boot orders at -100. */
	static final int ORDER = -101;

	@Bean
	static BeanPostProcessor apiRoutesBeforeActuator() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerMapping mapping && "requestMappingHandlerMapping".equals(beanName)) {
					mapping.setOrder(ORDER);
				}
				return bean;
			}
		};
	}

}
