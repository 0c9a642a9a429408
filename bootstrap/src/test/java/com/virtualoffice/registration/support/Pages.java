package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pages through a list of the contract's shape ({@code {"data": [...], "has_more"}}) as a client does: each
 * page continues after the last id of the one before.
 *
 * @param sizes how many items each page held
 * @param hasMore each page's {@code has_more}
 * @param ids every item's id, in the order the pages gave them
 */
public record Pages(List<Integer> sizes, List<Boolean> hasMore, List<String> ids) {

    /** {@code pages} pages of {@code query} (which sets the limit), asked with {@code list}. */
    public static Pages of(Function<String, Http.Response> list, String query, int pages) {
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            Http.Response answer = list.apply(query + (cursor == null ? "" : "&starting_after=" + cursor));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            List<String> pageIds = Contract.ids(answer.json().get("data"));
            sizes.add(pageIds.size());
            hasMore.add(answer.json().get("has_more").asBoolean());
            ids.addAll(pageIds);
            cursor = pageIds.getLast();
        }
        return new Pages(sizes, hasMore, ids);
    }
}
