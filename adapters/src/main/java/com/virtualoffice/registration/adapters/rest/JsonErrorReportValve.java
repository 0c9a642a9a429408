package com.virtualoffice.registration.adapters.rest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page for requests it refuses before the service sees them (an undecodable path, too many
 * headers, an unsupported transfer coding): in the contract's JSON shape with a request id, instead of HTML.
 * Public because Tomcat instantiates it by class name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String message = status >= 500
                ? "The request uses an HTTP feature this service does not support"
                : "The request could not be read";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (response.getHeader(RequestIds.HEADER) == null) {
                response.setHeader(RequestIds.HEADER, UUID.randomUUID().toString());
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"" + reason(status) + "\",\"message\":\"" + message + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException notWritable) {
            // The connection is gone or the response was claimed meanwhile: nothing more to tell anyone.
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> ErrorBody.reasonPhrase(status);
        };
    }
}
