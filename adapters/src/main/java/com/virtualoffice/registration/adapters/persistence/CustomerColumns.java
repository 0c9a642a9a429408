package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer fields as the customer table stores them: each field in the column its {@link CustomerField#key()}
 * names, codes for the enumerations, addresses as JSONB. Column by column, from the fields' one description.
 */
final class CustomerColumns {

    /** The fields' columns, in object order, to list in a SELECT or an INSERT. */
    static final String NAMES = Arrays.stream(CustomerField.values()).map(CustomerField::key)
            .collect(Collectors.joining(", "));
    private final AddressJson addresses;

    CustomerColumns(AddressJson addresses) {
        this.addresses = addresses;
    }

    /** The column's PostgreSQL type: JSONB for an address, text for the rest. */
    static String type(CustomerField field) {
        return field.type() == Address.class ? "jsonb" : "text";
    }

    /** Where a statement's parameter writes the field's column. */
    static String placeholder(CustomerField field) {
        return "CAST(? AS " + type(field) + ")";
    }

    Map<CustomerField, Object> read(ResultSet row) throws SQLException {
        Map<CustomerField, Object> values = new EnumMap<>(CustomerField.class);
        for (CustomerField field : CustomerField.values()) {
            String column = row.getString(field.key());
            values.put(field, column == null ? null : value(field, column));
        }
        return values;
    }

    /** A field's value as its column holds it. */
    Object column(Object value) {
        return switch (value) {
            case null -> null;
            case Language language -> language.code();
            case CustomerStatus status -> status.code();
            case Address address -> addresses.write(address);
            case String text -> text;
            default -> throw new IllegalArgumentException("no column for a " + value.getClass().getSimpleName());
        };
    }

    private Object value(CustomerField field, String column) {
        if (field.type() == Language.class) {
            return Language.fromCode(column).orElseThrow();
        }
        if (field.type() == CustomerStatus.class) {
            return CustomerStatus.fromCode(column).orElseThrow();
        }
        if (field.type() == Address.class) {
            return addresses.read(column);
        }
        return column;
    }
}
