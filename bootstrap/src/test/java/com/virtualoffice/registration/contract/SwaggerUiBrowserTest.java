package com.virtualoffice.registration.contract;

import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/api.md, "The contract and its tests": Swagger UI at /docs in a real browser, Debian's headless Chromium driven through its
 * own chromedriver (nothing is downloaded): the customer operations are listed, and Authorize with a key plus
 * "Try it out" on POST /api/customers registers a customer (201). The page is saved as target/swagger-ui.png.
 */
class SwaggerUiBrowserTest extends ServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Test
    void swagger_ui_lists_the_customer_operations_and_try_it_out_creates_a_customer() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        SellerWithKey seller = operator.sellerOn("starter");
        String email = uniqueEmail();
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2400", "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(service, options);
        try {
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
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "swagger-ui.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            assertThat(status.getText()).startsWith("201");
        } finally {
            browser.quit();
            service.stop();
        }
        // The customer is there, read back through the API itself.
        var listed = http.get("/api/customers?email=" + encode(email)).apiKey(seller.apiKey()).send();
        assertThat(listed.json().get("data")).hasSize(1);
    }
}
