package dev.jwtauth.errors;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the page's static files at their own paths only. Boot's default maps every
 * path to the static files, which made any unknown path a "missing static resource" (and
 * a POST to it a 405); with {@code spring.web.resources.add-mappings=false} and these
 * mappings, an unknown path has no handler and answers a plain 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

	/**
	 * The page at {@code /}, for GET and HEAD only: Boot's welcome-page mappings answered
	 * any other method, or an Accept without HTML, with a bare 406 and no problem body.
	 */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/*.html").addResourceLocations("classpath:/static/");
		registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/");
	}

}
