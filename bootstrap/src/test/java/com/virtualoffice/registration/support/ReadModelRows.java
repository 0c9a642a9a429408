package com.virtualoffice.registration.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every read-model row of some sellers as text, sorted: what a rebuild must give back row for row. Over the
 * sellers of one test, since other tests edit the key table directly (which no event records).
 */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    public static List<String> of(JdbcClient jdbc, List<UUID> sellers) {
        return jdbc.sql("""
                        SELECT 'seller ' || s::text AS row FROM sellers s WHERE s.id = ANY(:sellers)
                        UNION ALL SELECT 'key ' || k::text FROM api_keys k WHERE k.seller_id = ANY(:sellers)
                        UNION ALL SELECT 'customer ' || c::text FROM customers c WHERE c.seller_id = ANY(:sellers)
                        UNION ALL SELECT 'event ' || e::text FROM customer_events e WHERE e.seller_id = ANY(:sellers)
                        ORDER BY 1
                        """)
                .param("sellers", sellers.toArray(UUID[]::new))
                .query(String.class).list();
    }
}
