package com.virtualoffice.registration.adapters.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files from {@code classpath:/console/} under {@code /console}, plain ES modules
 * that call the operator API like any other client. Every other path still answers "Route ... not found".
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    static final String PATH = "/console";
    static final String LOCATION = "classpath:/console/";

    @Bean
    ConsoleController consoleController() {
        return new ConsoleController(LOCATION + "index.html");
    }

    @Bean
    WebMvcConfigurer consoleFiles() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                // Revalidated on every load (ETag / Last-Modified), so a new version is never mixed with an old one.
                registry.addResourceHandler(PATH + "/**").addResourceLocations(LOCATION)
                        .setCacheControl(CacheControl.noCache());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ConsoleHeaders()).addPathPatterns(PATH, PATH + "/**");
            }
        };
    }
}
