package com.virtualoffice.registration.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.OpenApiContract;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/api.md, "The contract and its tests": the controllers' routes and the document's operations are the same set, so a route
 * added to a controller without its description, or described without a controller, fails here. Path variables
 * compare by position, not name.
 */
class ContractRoutesTest extends ServiceTest {

    /** Documented operations that no controller serves, and what serves them instead. */
    private static final Map<String, String> SERVED_ELSEWHERE = Map.of(
            "GET /actuator/health", "Spring Boot Actuator's health endpoint",
            "GET /docs/{}", "Swagger UI's files, from its webjar through a resource handler",
            "GET /console/{}", "the operator console's scripts and styles, through a resource handler");

    /** Controller routes the document leaves out, and why. */
    private static final Map<String, String> NOT_OPERATIONS = Map.of(
            "* /error", "where the container forwards its own errors; each operation lists the answers it gives");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void every_controller_route_is_an_operation_of_the_document_and_every_operation_a_route() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                routes.add("* " + positional(pattern));
            }
            methods.forEach(method -> routes.add(method.name() + " " + positional(pattern)));
        }));
        Set<String> operations = operations();

        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(operations);
        undocumented.removeAll(NOT_OPERATIONS.keySet());
        Set<String> unserved = new TreeSet<>(operations);
        unserved.removeAll(routes);
        unserved.removeAll(SERVED_ELSEWHERE.keySet());

        assertThat(undocumented).as("controller routes that docs/api/openapi.yaml does not describe").isEmpty();
        assertThat(unserved).as("operations of docs/api/openapi.yaml that no controller serves").isEmpty();
        assertThat(routes).as("the exemptions name real routes").containsAll(NOT_OPERATIONS.keySet());
        assertThat(operations).as("the exemptions name real operations").containsAll(SERVED_ELSEWHERE.keySet());
    }

    @Test
    void the_operations_served_elsewhere_answer_as_documented() {
        // Held against the document by Http, like every exchange.
        assertThat(http.get("/actuator/health").send().status()).isEqualTo(200);
        assertThat(http.get("/docs/swagger-ui.css").send().status()).isEqualTo(200);
    }

    private static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        var paths = OpenApiContract.document().tree().get("paths");
        for (Iterator<String> it = paths.propertyNames().iterator(); it.hasNext(); ) {
            String path = it.next();
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + positional(path));
                }
            }
        }
        return operations;
    }

    private static String positional(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "{}");
    }
}
