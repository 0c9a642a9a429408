package com.virtualoffice.registration.adapters.console;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's page, at {@code /console} and {@code /console/}; its scripts and styles are static files. */
@Controller
class ConsoleController {

    private final Resource page;

    ConsoleController(String location) {
        this.page = new DefaultResourceLoader().getResource(location);
    }

    @GetMapping({ConsoleConfiguration.PATH, ConsoleConfiguration.PATH + "/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
