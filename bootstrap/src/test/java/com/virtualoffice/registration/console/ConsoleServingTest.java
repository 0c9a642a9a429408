package com.virtualoffice.registration.console;

import static com.virtualoffice.registration.support.Contract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** How the service serves the console's files: from the classpath, with a strict policy, and nothing else. */
class ConsoleServingTest extends ServiceTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static void assertConsoleHeaders(Http.Response response) {
        assertThat(response.header("Content-Security-Policy")).hasValue(POLICY);
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.header("X-Frame-Options")).hasValue("DENY");
        assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void the_page_is_html_at_console_with_and_without_a_slash_under_the_policy() {
        for (String path : new String[] {"/console", "/console/"}) {
            Http.Response page = http.get(path).header("Accept", "text/html").send();

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>")
                    .doesNotContain("<style").doesNotContain("style=").doesNotContain("onclick");
            assertConsoleHeaders(page);
        }
    }

    @Test
    void scripts_styles_and_icon_are_served_with_their_types_under_the_policy() {
        Http.Response script = http.get("/console/app.js").send();
        Http.Response page = http.get("/console/pages/seller.js").send();
        Http.Response style = http.get("/console/console.css").send();
        Http.Response icon = http.get("/console/favicon.svg").send();

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(style.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(icon.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        for (Http.Response response : new Http.Response[] {script, page, style, icon}) {
            assertConsoleHeaders(response);
        }
        assertThat(script.body()).as("no HTML is ever parsed from data").doesNotContain("innerHTML");
    }

    @Test
    void anything_else_under_console_is_no_route_in_the_contracts_shape() {
        assertError(http.get("/console/nothing.js").send(), 404, "Not Found", "Route GET:/console/nothing.js not found");
        assertError(http.post("/console").send(), 404, "Not Found", "Route POST:/console not found");
        assertError(http.request("DELETE", "/console/app.js").send(), 404, "Not Found",
                "Route DELETE:/console/app.js not found");
        // The container itself refuses a way out of the console's folder, before any handler sees it.
        assertError(http.get("/console/%2e%2e/%2e%2e/application.yml").send(), 400, "Bad Request",
                "The request could not be read");
        assertError(http.get("/consoles").send(), 404, "Not Found", "Route GET:/consoles not found");
    }
}
