package com.virtualoffice.registration.console;

import static com.virtualoffice.registration.support.Contract.FULL_KEY;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real browser, against the real service: what an operator does with it, and that
 * each step reaches the API (a key made in the console is used for a real {@code POST /api/customers}). The
 * screenshots in docs/console/ come from these tests (bootstrap/target/screenshots).
 */
class ConsoleTest extends ConsoleTestSupport {

    @Test
    void a_wrong_token_is_refused_the_operator_token_signs_in_for_the_tab_only_and_sign_out_forgets_it() {
        String sellerName = "Before sign-in " + UUID.randomUUID();
        register(sellerName, "free");
        open("#/sellers");

        find(By.id("token"));
        assertThat(browser.driver().findElement(By.cssSelector("label[for=token]")).getText())
                .isEqualTo("Operator token");
        assertThat(browser.driver().findElements(By.id("sellers-table"))).as("nothing before sign-in").isEmpty();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain(sellerName);
        assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).isFalse();
        assertEveryControlLabelled();
        browser.screenshot("sign-in-" + WIDE);

        find(By.id("token")).sendKeys("not-the-operator-token", Keys.ENTER);
        assertThat(find(By.cssSelector("#sign-in-status [role=alert]")).getText())
                .isEqualTo("That token was refused: it is not the operator token.");
        assertThat(script("return sessionStorage.length")).isEqualTo(0L);

        WebElement token = find(By.id("token"));
        token.clear();
        token.sendKeys(ADMIN_TOKEN, Keys.ENTER);
        awaitHeading("Sellers");
        find(By.id("sellers-table"));
        assertThat(script("return sessionStorage.getItem('operator-token')")).isEqualTo(ADMIN_TOKEN);
        assertThat(script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(ADMIN_TOKEN);
        assertThat(script("return document.cookie")).isEqualTo("");

        click(By.id("sign-out"));
        find(By.id("token"));
        assertThat(script("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().findElements(By.id("sellers-table"))).isEmpty();
    }

    @Test
    void an_operator_onboards_a_seller_issues_a_key_that_works_watches_usage_changes_the_plan_and_revokes_it() {
        signIn();
        String name = "Acme Offices " + UUID.randomUUID().toString().substring(0, 8);

        click(By.linkText("Onboard a seller"));
        awaitHeading("Onboard a seller");
        find(By.id("seller-name")).sendKeys(name);
        new Select(find(By.id("seller-plan"))).selectByValue("free");
        assertEveryControlLabelled();
        browser.screenshot("onboard-" + WIDE);
        find(By.id("seller-name")).submit();

        awaitHeading(name);
        browser.await().until(attributeToBe(By.cssSelector("#seller-usage .usage"), "data-usage", "0"));
        browser.await().until(driver -> "key-name".equals(driver.switchTo().activeElement().getAttribute("id")));
        browser.driver().switchTo().activeElement().sendKeys("production");
        click(By.cssSelector("#generate-key button[type=submit]"));

        WebElement shown = find(By.id("new-key"));
        String key = shown.getDomProperty("value");
        assertThat(key).matches(FULL_KEY);
        assertThat(find(By.id("key-once")).getText()).contains("It will not be shown again");
        assertThat(find(By.id("copy-key")).getText()).isEqualTo("Copy");
        browser.screenshot("new-key-" + WIDE);

        Http.Response created = http.post("/api/customers").apiKey(key).json(Customers.withEmail(uniqueEmail())).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        click(By.id("refresh-seller"));
        browser.await().until(attributeToBe(By.cssSelector("#seller-usage .usage"), "data-usage", "1"));
        assertThat(find(By.cssSelector("#seller-usage progress")).getDomProperty("value")).isEqualTo("1");
        assertThat(find(By.cssSelector("#seller-usage progress")).getDomProperty("max")).isEqualTo("10");
        assertThat(browser.driver().findElements(By.id("key-once"))).as("the key is shown once only").isEmpty();
        WebElement latest = find(By.cssSelector("#events-table tbody tr"));
        assertThat(latest.findElement(By.cssSelector("td[data-label=What]")).getText()).isEqualTo("customer.created");
        assertThat(latest.findElement(By.cssSelector("td[data-label=Who]")).getText())
                .isEqualTo("API key " + key.substring(0, 12) + "…");
        assertThat(find(By.cssSelector("#keys-table tbody tr")).getAttribute("data-state")).isEqualTo("active");

        Select plan = new Select(find(By.id("new-plan")));
        plan.selectByValue("starter");
        browser.await().until(textToBePresentInElementLocated(By.id("plan-meaning"), "99 more can register"));
        click(By.cssSelector("#change-plan button[type=submit]"));
        browser.await().until(textToBePresentInElementLocated(By.id("change-plan"), "Plan changed to starter."));
        browser.await().until(textToBe(By.id("seller-plan-now"), "starter"));
        assertThat(find(By.cssSelector("#seller-usage progress")).getDomProperty("max")).isEqualTo("100");
        assertEveryControlLabelled();
        browser.screenshot("seller-" + WIDE);
        browser.resize(PHONE, 844);
        browser.screenshot("seller-" + PHONE);
        browser.resize(WIDE, 900);

        click(By.cssSelector("#keys-table button[data-action=revoke]"));
        find(By.id("confirm"));
        click(By.id("confirm-ok"));
        browser.await().until(attributeToBe(By.cssSelector("#keys-table tbody tr"), "data-state", "revoked"));
        assertUnauthorized(http.post("/api/customers").apiKey(key).json(Customers.withEmail(uniqueEmail())).send(),
                "API key has been revoked");

        click(By.cssSelector("#keys-table button[data-action=delete]"));
        click(By.id("confirm-ok"));
        browser.await().until(textToBePresentInElementLocated(By.id("keys-status"), "Deleted key “production”"));
        assertThat(browser.driver().findElements(By.id("keys-table"))).isEmpty();
        assertUnauthorized(http.post("/api/customers").apiKey(key).json(Customers.withEmail(uniqueEmail())).send(),
                "Invalid API key");
    }

    @Test
    void everything_from_sign_in_to_a_revoked_key_works_with_the_keyboard_alone() {
        open("");
        find(By.id("token"));
        focused().sendKeys(ADMIN_TOKEN, Keys.ENTER);
        awaitHeading("Sellers");
        // The heading is drawn before the console moves focus to it: wait for the move, not for a while.
        browser.await().withMessage("focus moves to the new page's heading")
                .until(driver -> "Sellers".equals(focused().getText()));

        tabTo(By.cssSelector("#nav a[href='#/onboard']")).sendKeys(Keys.ENTER);
        awaitHeading("Onboard a seller");
        String name = "Keyboard Ltd " + UUID.randomUUID().toString().substring(0, 8);
        tabTo(By.id("seller-name")).sendKeys(name, Keys.ENTER);
        awaitHeading(name);
        browser.await().until(driver -> "key-name".equals(focused().getAttribute("id")));
        focused().sendKeys("keyboard", Keys.ENTER);
        browser.await().until(driver -> "new-key".equals(focused().getAttribute("id")));
        String key = focused().getDomProperty("value");
        assertThat(key).matches(FULL_KEY);

        tabTo(By.cssSelector("#key-once button:not(#copy-key)")).sendKeys(Keys.ENTER);
        assertThat(browser.driver().findElements(By.id("key-once"))).isEmpty();
        tabTo(By.cssSelector("#keys-table button[data-action=revoke]")).sendKeys(Keys.ENTER);
        browser.await().until(driver -> "confirm-cancel".equals(focused().getAttribute("id")));
        focused().sendKeys(Keys.ESCAPE);
        browser.await().until(driver -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());
        assertThat(find(By.cssSelector("#keys-table tbody tr")).getAttribute("data-state")).isEqualTo("active");

        tabTo(By.cssSelector("#keys-table button[data-action=revoke]")).sendKeys(Keys.ENTER);
        browser.await().until(driver -> "confirm-cancel".equals(focused().getAttribute("id")));
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("confirm-ok");
        focused().sendKeys(Keys.ENTER);
        browser.await().until(attributeToBe(By.cssSelector("#keys-table tbody tr"), "data-state", "revoked"));
        assertUnauthorized(http.post("/api/customers").apiKey(key).json(Customers.withEmail(uniqueEmail())).send(),
                "API key has been revoked");
    }

    @Test
    void the_sellers_page_finds_sellers_by_name_and_plan_and_highlights_those_near_or_at_their_limit() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String globex = sellerWithCustomers("Globex Corporation " + tag, "enterprise", 3);
        String full = sellerWithCustomers("Full House SARL " + tag, "free", 10);
        String nearlyFull = sellerWithCustomers("Nearly Full Ltd " + tag, "free", 8);
        String roomy = register("Roomy GmbH " + tag, "starter");
        signIn();

        find(By.id("seller-search")).sendKeys(tag, Keys.ENTER);
        awaitRows(4);

        assertThat(browser.driver().findElements(By.cssSelector("#sellers-table tbody tr")))
                .extracting(row -> row.getAttribute("data-seller-id"))
                .as("newest first").containsExactly(roomy, nearlyFull, full, globex);
        assertThat(row(nearlyFull).findElement(By.cssSelector(".usage")).getAttribute("class")).contains("high");
        assertThat(row(nearlyFull).findElement(By.cssSelector(".usage-text")).getText()).isEqualTo("8 / 10");
        assertThat(row(nearlyFull).findElement(By.cssSelector("td[data-label='Keys in use']")).getText())
                .isEqualTo("1");
        assertThat(row(nearlyFull).findElement(By.cssSelector("td[data-label='Webhooks']")).getText())
                .isEqualTo("Healthy");
        assertThat(row(full).findElement(By.cssSelector(".usage")).getAttribute("class")).contains("full");
        assertThat(row(roomy).findElement(By.cssSelector(".usage")).getAttribute("class")).doesNotContain("high");
        assertThat(row(roomy).findElement(By.cssSelector("td[data-label='Keys in use']")).getText()).isEqualTo("0");
        assertThat(row(globex).findElement(By.cssSelector(".usage-text")).getText()).isEqualTo("3 / unlimited");
        assertThat(row(globex).findElements(By.cssSelector("progress"))).as("no bar without a limit").isEmpty();

        new Select(find(By.id("plan-filter"))).selectByValue("free");
        awaitRows(2);
        new Select(find(By.id("plan-filter"))).selectByValue("");
        awaitRows(4);
        assertEveryControlLabelled();
        script("document.activeElement.blur()");
        browser.screenshot("sellers-" + WIDE);
        browser.resize(PHONE, 844);
        browser.screenshot("sellers-" + PHONE);
    }

    @Test
    void a_hostile_seller_name_is_shown_as_the_characters_it_is_made_of() {
        String hostile = "<img src=x onerror=alert(1)>";
        String id = register(hostile, "free");
        signIn();

        find(By.id("seller-search")).sendKeys(hostile, Keys.ENTER);
        browser.await().until(driver -> driver.findElements(By.cssSelector("#sellers-table tbody tr")).size() == 1);
        WebElement link = find(By.cssSelector("tr[data-seller-id='" + id + "'] a.seller-name"));
        assertThat(link.getText()).isEqualTo(hostile);
        assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();

        link.click();
        awaitHeading(hostile);
        assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertNoAlert();
    }

    @Test
    void a_verify_shows_a_tampered_table_a_replay_runs_to_completion_and_a_verify_then_finds_it_equal() {
        String tampered = register("Tampered " + UUID.randomUUID(), "free");
        jdbc.sql("UPDATE sellers SET customer_count = 7 WHERE id = :id").param("id", UUID.fromString(tampered))
                .update();
        signIn();
        click(By.linkText("Projections"));
        awaitHeading("Projections");
        String name = "read-models";
        find(By.cssSelector("tr[data-projection='" + name + "']"));

        click(By.cssSelector("tr[data-projection='" + name + "'] button[data-action=verify]"));
        browser.await().until(textToBePresentInElementLocated(By.id("verification"), name + " differs from a rebuild"));
        WebElement difference = find(By.cssSelector("#differences tbody tr"));
        assertThat(difference.findElement(By.cssSelector("th")).getText()).isEqualTo("sellers");
        assertThat(difference.findElement(By.cssSelector("td[data-label='Missing rows']")).getText()).isEqualTo("1");
        assertThat(difference.findElement(By.cssSelector("td[data-label='Unexpected rows']")).getText())
                .isEqualTo("1");
        assertThat(difference.findElement(By.cssSelector("td[data-label='Sample ids']")).getText()).contains(tampered);

        click(By.cssSelector("tr[data-projection='" + name + "'] button[data-action=replay]"));
        browser.await().until(textToBePresentInElementLocated(By.id("projection-status"),
                "Replay of " + name + " complete"));
        browser.await().until(textToBe(By.cssSelector("tr[data-projection='" + name + "'] td[data-label=Lag]"), "0"));

        click(By.cssSelector("tr[data-projection='" + name + "'] button[data-action=verify]"));
        browser.await().until(textToBePresentInElementLocated(By.id("verification"),
                name + " verified: the tables equal a rebuild from"));
        browser.screenshot("projections-" + WIDE);
    }
}
