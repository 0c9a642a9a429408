package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a request body as JSON with the contract's transport errors: 415 for other media types, 413 past the
 * size limit (without reading further), 400 for an empty or unparseable body. The body is read here rather than
 * by Spring's converters so that each case gets exactly its contract message.
 */
final class JsonRequestBody {

    private final ObjectReader reader;
    private final int maxBytes;

    JsonRequestBody(ObjectMapper mapper, DataSize maxSize) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBytes = Math.toIntExact(maxSize.toBytes());
    }

    /** A body as received and as parsed. */
    record Parsed(byte[] bytes, JsonNode json) {
    }

    JsonNode read(HttpServletRequest request) {
        return readParsed(request).json();
    }

    Parsed readParsed(HttpServletRequest request) {
        if (!isJson(request.getContentType())) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type");
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readAtMost(request);
        if (body.length == 0) {
            throw ApiProblem.badRequest("Body cannot be empty when content-type is set to 'application/json'");
        }
        try {
            return new Parsed(body, reader.readTree(body));
        } catch (JacksonException notJson) {
            throw ApiProblem.badRequest("Body is not valid JSON but content-type is set to 'application/json'");
        }
    }

    private byte[] readAtMost(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large");
    }
}
