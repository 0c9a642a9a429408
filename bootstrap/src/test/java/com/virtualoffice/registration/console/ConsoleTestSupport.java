package com.virtualoffice.registration.console;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.virtualoffice.registration.support.Browser;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the console's browser tests share: a fresh headless Chromium per test against the real service, and the
 * steps an operator takes in it. A base class rather than a helper so that every test runs in the one cached
 * context of {@link ServiceTest}.
 */
abstract class ConsoleTestSupport extends ServiceTest {

    static final int WIDE = 1280;
    static final int PHONE = 390;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(WIDE, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void open(String fragment) {
        browser.driver().get("http://localhost:" + port + "/console" + fragment);
    }

    WebElement find(By by) {
        return browser.await().until(visibilityOfElementLocated(by));
    }

    void click(By by) {
        browser.await().until(elementToBeClickable(by)).click();
    }

    /** Waits for the page titled {@code text}; a timeout says what the page shows instead. */
    void awaitHeading(String text) {
        try {
            browser.await().until(textToBe(By.cssSelector("main h1"), text));
        } catch (TimeoutException e) {
            throw new AssertionError("expected the page \"" + text + "\", the console shows: "
                    + browser.driver().findElement(By.tagName("main")).getDomProperty("innerText")
                    + "\nbrowser console: " + browser.consoleLog(), e);
        }
    }

    void signIn() {
        open("");
        find(By.id("token")).sendKeys(ADMIN_TOKEN, Keys.ENTER);
        awaitHeading("Sellers");
    }

    Object script(String script) {
        return browser.driver().executeScript(script);
    }

    String register(String name, String plan) {
        Http.Response seller = http.post("/admin/sellers").bearer(ADMIN_TOKEN)
                .json("{\"name\": " + JSON.writeValueAsString(name)
                        + ", \"plan\": \"" + plan + "\"}").send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(201);
        return seller.field("id");
    }

    /** Every visible form control has a label a screen reader announces. */
    void assertEveryControlLabelled() {
        Object unlabelled = script("""
                return [...document.querySelectorAll('input, select, textarea')]
                    .filter(control => !control.hidden && control.type !== 'hidden')
                    .filter(control => control.labels.length === 0 && !control.getAttribute('aria-label'))
                    .map(control => control.outerHTML)""");
        assertThat((List<?>) unlabelled).as("controls without a label").isEmpty();
    }

    /** Presses Tab until the element is focused, as a keyboard user would reach it. */
    WebElement tabTo(By by) {
        WebElement target = find(by);
        for (int presses = 0; presses < 60; presses++) {
            if (browser.driver().switchTo().activeElement().equals(target)) {
                return target;
            }
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + by);
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    void assertNoAlert() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** A seller on the plan with a key and {@code customers} customers; returns its id. */
    String sellerWithCustomers(String name, String plan, int customers) {
        String id = register(name, plan);
        String key = http.post("/admin/sellers/" + id + "/api-keys").bearer(ADMIN_TOKEN)
                .json("{\"name\": \"production\"}").send().field("key");
        for (int i = 0; i < customers; i++) {
            Http.Response created = http.post("/api/customers").apiKey(key)
                    .json(Customers.withEmail(uniqueEmail())).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        return id;
    }

    WebElement row(String sellerId) {
        return find(By.cssSelector("tr[data-seller-id='" + sellerId + "']"));
    }

    void awaitRows(int count) {
        browser.await().until(driver -> driver.findElements(By.cssSelector("#sellers-table tbody tr")).size() == count);
    }
}
