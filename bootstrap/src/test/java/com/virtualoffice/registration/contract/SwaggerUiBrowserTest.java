package com.virtualoffice.registration.contract;

import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Browser;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/api.md, "The contract and its tests": Swagger UI at /docs in a real browser ({@link Browser}): the customer
 * operations are listed, and Authorize with a key plus "Try it out" on POST /api/customers registers a customer
 * (201). The page is saved as target/screenshots/swagger-ui.png.
 */
class SwaggerUiBrowserTest extends ServiceTest {

    /** Swagger UI loads its whole bundle first: longer than the console's pages take. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Test
    void swagger_ui_lists_the_customer_operations_and_try_it_out_creates_a_customer() {
        SellerWithKey seller = operator.sellerOn("starter");
        String email = uniqueEmail();
        try (Browser opened = Browser.open(1400, 2400)) {
            WebDriver browser = opened.driver();
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.get("http://localhost:" + port + "/docs");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operations-Customers-createCustomer")));
            for (String operation : new String[]{"createCustomer", "listCustomers", "getCustomer", "updateCustomer",
                    "deleteCustomer", "getCustomerHistory"}) {
                assertThat(browser.findElements(By.id("operations-Customers-" + operation))).as(operation).hasSize(1);
            }

            browser.findElement(By.cssSelector(".auth-wrapper .btn.authorize")).click();
            WebElement apiKey = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".modal-ux .auth-container input[type='text']")));
            apiKey.sendKeys(seller.apiKey());
            browser.findElement(By.cssSelector(".modal-ux .auth-container .btn.modal-btn.auth.authorize")).click();
            browser.findElement(By.cssSelector(".modal-ux .btn-done")).click();

            WebElement create = browser.findElement(By.id("operations-Customers-createCustomer"));
            create.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(create.findElement(By.cssSelector(".try-out__btn"))))
                    .click();
            WebElement body = wait.until(ExpectedConditions.visibilityOf(
                    create.findElement(By.cssSelector("textarea.body-param__text"))));
            body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            body.sendKeys("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}");
            create.findElement(By.cssSelector(".btn.execute")).click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#operations-Customers-createCustomer .live-responses-table .response .response-col_status")));
            opened.screenshot("swagger-ui");

            assertThat(status.getText()).startsWith("201");
        }
        // The customer is there, read back through the API itself.
        var listed = http.get("/api/customers?email=" + encode(email)).apiKey(seller.apiKey()).send();
        assertThat(listed.json().get("data")).hasSize(1);
    }
}
