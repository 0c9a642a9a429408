package com.virtualoffice.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact index agrees with a plain map through any run of additions, moves and removals. */
class CustomerIndexTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void the_index_agrees_with_a_map_through_random_changes(long seed) {
        Random random = new Random(seed);
        CustomerIndex index = CustomerIndex.empty();
        Map<UUID, Long> model = new HashMap<>();
        List<UUID> ids = new ArrayList<>();

        for (int step = 0; step < 20_000; step++) {
            int choice = random.nextInt(10);
            if (choice < 5 || ids.isEmpty()) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                long hash = random.nextInt(50) == 0 && !model.isEmpty() ? model.values().iterator().next()
                        : CustomerIndex.hashOf("c" + step + "@example.com"); // now and then a shared hash
                index.put(id, hash);
                model.put(id, hash);
                ids.add(id);
            } else if (choice < 7) {
                UUID id = ids.get(random.nextInt(ids.size()));
                long hash = CustomerIndex.hashOf("moved" + step + "@example.com");
                index.put(id, hash); // a removed customer comes back: put adds or moves
                model.put(id, hash);
            } else {
                UUID id = ids.get(random.nextInt(ids.size()));
                assertThat(index.remove(id)).isEqualTo(model.remove(id) != null);
            }
            if (step % 500 == 0) {
                assertAgrees(index, model, ids);
            }
        }
        assertAgrees(index, model, ids);
        assertThat(CustomerIndex.of(index.toArray())).isEqualTo(index).hasSameHashCodeAs(index);
    }

    private static void assertAgrees(CustomerIndex index, Map<UUID, Long> model, List<UUID> ids) {
        assertThat(index.size()).isEqualTo(model.size());
        assertThat(index.asMap()).isEqualTo(model);
        for (UUID id : ids) {
            assertThat(index.contains(id)).isEqualTo(model.containsKey(id));
        }
        Map<Long, List<UUID>> byHash = new HashMap<>();
        model.forEach((id, hash) -> byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(id));
        byHash.forEach((hash, holders) -> assertThat(index.holdersOf(hash)).containsExactlyInAnyOrderElementsOf(holders));
    }
}
