package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of /actuator/prometheus, as Prometheus would take it: series by name and labels. */
public final class Scrape {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Series(String name, Map<String, String> labels, double value) {
    }

    private final List<Series> series;

    private Scrape(List<Series> series) {
        this.series = series;
    }

    public static Scrape of(Http http, String adminToken) {
        Http.Response answer = http.get("/actuator/prometheus").bearer(adminToken).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return parse(answer.body());
    }

    public static Scrape parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = SERIES.matcher(line);
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
        return new Scrape(series);
    }

    /** The series of that name whose labels include the ones given (name, value, name, value, ...). */
    public List<Series> all(String name, String... labels) {
        return series.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels)).toList();
    }

    /** The sum of those series; 0 when there is none. */
    public double sum(String name, String... labels) {
        return all(name, labels).stream().mapToDouble(Series::value).sum();
    }

    public boolean has(String name, String... labels) {
        return !all(name, labels).isEmpty();
    }

    private static boolean hasLabels(Series series, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(series.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
