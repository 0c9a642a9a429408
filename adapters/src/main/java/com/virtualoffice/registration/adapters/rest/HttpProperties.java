package com.virtualoffice.registration.adapters.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP edge's settings, documented in application.yml.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 unread
 */
@ConfigurationProperties("registration.http")
public record HttpProperties(DataSize maxBodySize) {
}
