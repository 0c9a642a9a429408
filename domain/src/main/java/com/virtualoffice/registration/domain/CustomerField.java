package com.virtualoffice.registration.domain;

/** The parts of a customer a seller can change. */
public enum CustomerField {
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    COMPANY_NAME,
    LEGAL_ENTITY,
    LANGUAGE,
    STATUS,
    ADDRESS,
    POSTAL_REDIRECT_ADDRESS
}
