package bench.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The create of the benchmark's comparison, done the plain CRUD way: the key looked up by its hash, the seller
 * row locked, the plan limit read from it, the customer inserted under a unique index on the email, the count
 * raised, commit. Same answers as the service for what the benchmark sends (201, 401, 403, 409, 400 for a
 * missing field); the operator calls only as far as the load generator's {@code seller} command needs them.
 */
@SpringBootApplication
@RestController
public class CrudBaseline {

    private static final Map<String, Integer> PLAN_LIMITS =
            Map.of("free", 10, "starter", 100, "business", 1000, "enterprise", Integer.MAX_VALUE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String adminToken = System.getenv().getOrDefault("ADMIN_TOKEN", "");

    CrudBaseline(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public static void main(String[] args) {
        SpringApplication.run(CrudBaseline.class, args);
    }

    @PostMapping("/api/customers")
    ResponseEntity<Map<String, Object>> create(@RequestHeader(value = "X-API-Key", required = false) String key,
                                               @RequestBody Map<String, Object> body) {
        if (key == null) {
            return error(HttpStatus.UNAUTHORIZED, "Missing API key");
        }
        var sellers = jdbc.queryForList("SELECT seller_id FROM api_keys WHERE key_hash = ?", UUID.class, sha256(key));
        if (sellers.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "Invalid API key");
        }
        for (String field : new String[] {"first_name", "last_name", "email"}) {
            if (!(body.get(field) instanceof String text) || text.isBlank()) {
                return error(HttpStatus.BAD_REQUEST, "body/" + field + " is required");
            }
        }
        if (!EMAIL.matcher((String) body.get("email")).matches()) {
            return error(HttpStatus.BAD_REQUEST, "body/email must be a valid email address");
        }
        UUID sellerId = sellers.getFirst();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", UUID.randomUUID().toString());
        customer.put("seller_id", sellerId.toString());
        customer.put("first_name", body.get("first_name"));
        customer.put("last_name", body.get("last_name"));
        customer.put("email", body.get("email"));
        customer.put("company_name", body.get("company_name"));
        customer.put("language", body.getOrDefault("language", "de"));
        customer.put("status", "active");
        customer.put("created_at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return transaction.execute(status -> {
            Map<String, Object> seller = jdbc.queryForMap(
                    "SELECT customer_limit, customer_count FROM sellers WHERE id = ? FOR UPDATE", sellerId);
            int limit = (Integer) seller.get("customer_limit");
            if ((Integer) seller.get("customer_count") >= limit) {
                return error(HttpStatus.FORBIDDEN, "Customer limit reached. Your plan allows " + limit + " customers.");
            }
            try {
                jdbc.update("INSERT INTO customers (id, seller_id, first_name, last_name, email, company_name, language,"
                                + " status, created_at) VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)",
                        customer.get("id"), sellerId, customer.get("first_name"), customer.get("last_name"),
                        customer.get("email"), customer.get("company_name"), customer.get("language"), "active",
                        Timestamp.from(Instant.parse((String) customer.get("created_at"))));
            } catch (DuplicateKeyException e) {
                status.setRollbackOnly();
                return error(HttpStatus.CONFLICT, "A customer with this email already exists");
            }
            jdbc.update("UPDATE sellers SET customer_count = customer_count + 1 WHERE id = ?", sellerId);
            return ResponseEntity.status(HttpStatus.CREATED).body(customer);
        });
    }

    @PostMapping("/admin/sellers")
    ResponseEntity<Map<String, Object>> seller(@RequestHeader("Authorization") String authorization,
                                               @RequestBody Map<String, Object> body) {
        if (!authorization.equals("Bearer " + adminToken)) {
            return error(HttpStatus.UNAUTHORIZED, "Invalid admin token");
        }
        UUID id = UUID.randomUUID();
        String plan = (String) body.getOrDefault("plan", "free");
        jdbc.update("INSERT INTO sellers (id, name, plan, customer_limit, created_at) VALUES (?, ?, ?, ?, now())",
                id, body.get("name"), plan, PLAN_LIMITS.get(plan));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id.toString()));
    }

    @PostMapping("/admin/sellers/{id}/api-keys")
    ResponseEntity<Map<String, Object>> key(@RequestHeader("Authorization") String authorization,
                                            @PathVariable UUID id) {
        if (!authorization.equals("Bearer " + adminToken)) {
            return error(HttpStatus.UNAUTHORIZED, "Invalid admin token");
        }
        StringBuilder key = new StringBuilder("sk_live_");
        for (int i = 0; i < 48; i++) {
            key.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        jdbc.update("INSERT INTO api_keys (key_hash, seller_id) VALUES (?, ?)", sha256(key.toString()), id);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", UUID.randomUUID().toString(),
                "key", key.toString()));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", status.getReasonPhrase(), "message", message));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
