package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page as a person uses it, in headless Chromium from Debian's {@code chromium} package
 * driven through {@code chromium-driver}: sign in with the admin token, see the demo organization,
 * create one, press Enable SCIM and Rotate key, watch a provisioned member go from Invited through
 * Accepted (its invitation link) to Confirmed (the Confirm button). Leaves a screenshot in
 * {@code target/admin-page.png}.
 *
 * <p>Skipped, with the reason printed, where Chromium or its driver is missing; under {@code
 * SCIMKIT_REQUIRE_BROWSER=1} (as in CI) that fails instead. Nothing downloads a browser: the driver
 * path is given, so Selenium Manager is not asked for one, and {@code SE_OFFLINE} is set.
 */
class AdminPageBrowserTest {

  /** Debian's paths; the system properties exist to try the skip without uninstalling anything. */
  private static final Path CHROMIUM = Path.of(System.getProperty("scimkit.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("scimkit.chromedriver", "/usr/bin/chromedriver"));

  @TempDir
  static Path profile;

  private static ExampleServer server;
  private static WebDriver browser;
  private static Wait<WebDriver> wait;
  private static String skipReason;

  @BeforeAll
  static void start() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        missing.add(binary.toString());
      }
    }
    if (!missing.isEmpty()) {
      String reason = "AdminPageBrowserTest needs Debian's chromium and chromium-driver packages; missing "
          + String.join(", ", missing) + " (apt-get install chromium chromium-driver)";
      System.out.println("[SKIPPED] " + reason);
      if ("1".equals(System.getenv("SCIMKIT_REQUIRE_BROWSER"))) {
        fail(reason + ", and SCIMKIT_REQUIRE_BROWSER=1");
      }
      skipReason = reason;
      return;
    }
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());

    server = ExampleServer.start(ExampleConfig.defaults().withHost("127.0.0.1").withPort(0)
        .withStore(ExampleConfig.MEMORY));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1200", "--user-data-dir=" + profile.resolve("chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    // Generous, because a loaded CI machine is slow; every wait polls a condition on locators found
    // afresh, and a reference that a re-render replaced is retried rather than fatal.
    wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class);
  }

  @BeforeEach
  void needsTheBrowser() {
    Assumptions.assumeTrue(skipReason == null, skipReason); // reported as a skipped test, with the reason
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAdministratorEnablesScimRotatesTheKeyAndConfirmsAMember() throws Exception {
    try {
      walkThrough();
    } finally {
      screenshot(Path.of("target", "admin-page.png"));
    }
  }

  private void walkThrough() throws Exception {
    String adminToken = server.firstStart().orElseThrow().adminToken();

    // Sign in; the demo organization is listed and open.
    browser.get(server.adminUrl());
    assertThat(browser.getTitle()).contains("Admin console");
    type(By.id("token"), "scimkit_admin_not-the-token");
    click(By.id("sign-in"));
    awaitText(By.id("message"), "That admin token is not valid.");
    type(By.id("token"), adminToken);
    click(By.id("sign-in"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organizations"), "Demo organization"));
    awaitText(By.id("org-name"), "Demo organization");

    // A new organization: Enable SCIM shows its key, Rotate key a new one.
    type(By.id("new-org-name"), "Browser Co");
    click(By.id("create-org"));
    awaitText(By.id("org-name"), "Browser Co");
    awaitText(By.id("scim-state"), "Disabled");
    wait.until(ExpectedConditions.not(ExpectedConditions.elementToBeClickable(By.id("rotate-key"))));
    click(By.id("enable-scim"));
    awaitText(By.id("scim-state"), "Enabled");
    String firstKey = awaitKey("");
    String scimUrl = read(By.id("scim-url"), WebElement::getText);
    assertThat(scimUrl).startsWith(server.baseUrl() + "/scim/v2/browser-co-");

    click(By.id("rotate-key"));
    String key = awaitKey(firstKey);
    assertCopies("copy-api-key", key);
    assertCopies("copy-scim-url", scimUrl);
    assertThat(Http.scim("GET", scimUrl + "/Users", firstKey, null).status()).isEqualTo(401);
    assertThat(Http.scim("GET", scimUrl + "/Users", key, null).status()).isEqualTo(200);

    // The identity provider provisions Dana: Invited.
    Http.Response created = Http.scim("POST", scimUrl + "/Users", key, "{'schemas':["
        + "'urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'dana','displayName':'Dana Scully',"
        + "'emails':[{'value':'dana@browser.example','primary':true}],'active':true}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    // No Refresh pressed: the page polls and shows her by itself.
    awaitStatus("dana", "Invited");

    // Dana follows the link from the outbox, which only shows a page, and presses its button: Accepted.
    String link = read(By.cssSelector("#outbox tr[data-kind='invitation'] a"), a -> a.getAttribute("href"));
    browser.get(link);
    awaitText(By.tagName("h1"), "Your invitation"); // following the link accepts nothing by itself
    click(By.cssSelector("form button[type='submit']"));
    awaitText(By.tagName("h1"), "Invitation accepted");

    // Back in the console (the token is kept for the session): Confirm.
    browser.get(server.adminUrl());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organizations"), "Browser Co"));
    click(By.cssSelector("#organizations tr[data-org^='browser-co-'] button.select-org"));
    awaitText(By.id("org-name"), "Browser Co");
    awaitStatus("dana", "Accepted");
    click(By.cssSelector("#members tr[data-member='dana'] button.confirm"));
    awaitText(By.id("message"), "dana is confirmed.");
    awaitStatus("dana", "Confirmed");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members button.confirm"), 0));
    for (String kind : List.of("invitation", "accepted", "confirmed")) {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outbox"), kind));
    }

    // A role rule from the page: members of the IdP group "Vault admins" are Admin; removing it demotes Dana.
    awaitText(By.cssSelector("#members tr[data-member='dana'] td.role"), "User (default)");
    Http.Response group = Http.scim("POST", scimUrl + "/Groups", key, "{'schemas':["
        + "'urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Vault admins','members':[{'value':'"
        + created.json().path("id").asText() + "'}]}");
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    type(By.id("rule-group"), "vault admins");
    click(By.id("add-rule"));
    awaitText(By.id("message"), "Members of vault admins are Admin now.");
    awaitText(By.cssSelector("#role-rules tr[data-group='vault admins'] td:nth-child(2)"), "Admin");
    awaitText(By.cssSelector("#members tr[data-member='dana'] td.role"), "Admin (group:vault admins)");
    wait.until(driver -> driver.findElement(By.id("rule-group")).getAttribute("value").isEmpty()); // cleared once saved
    click(By.cssSelector("#role-rules tr[data-group='vault admins'] button.remove-rule"));
    awaitText(By.cssSelector("#members tr[data-member='dana'] td.role"), "User (default)");
  }

  private static void screenshot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String awaitKey(String previous) {
    return wait.until(driver -> {
      String shown = driver.findElement(By.id("api-key")).getText();
      return shown.startsWith("scimkit_") && !shown.equals(previous) ? shown : null;
    });
  }

  /**
   * Presses a Copy button, then pastes the clipboard into the new-organization field until it
   * holds the expected text (the copy completes asynchronously).
   */
  private static void assertCopies(String button, String expected) {
    click(By.id(button));
    By field = By.id("new-org-name");
    wait.until(driver -> {
      WebElement input = driver.findElement(field);
      input.clear();
      input.sendKeys(Keys.chord(Keys.CONTROL, "v"));
      return expected.equals(input.getAttribute("value"));
    });
    browser.findElement(field).clear();
  }

  private static void awaitStatus(String userName, String status) {
    awaitText(By.cssSelector("#members tr[data-member='" + userName + "'] .status"), status);
  }

  private static void awaitText(By locator, String text) {
    wait.until(ExpectedConditions.textToBe(locator, text));
  }

  /**
   * Reads an element found afresh on every poll, so a re-render between finding and reading is
   * retried (the wait ignores stale references) rather than failing the test.
   */
  private static String read(By locator, Function<WebElement, String> reading) {
    return wait.until(driver -> reading.apply(driver.findElement(locator)));
  }

  /** Clicks an element once it is displayed and enabled, finding it again after a re-render. */
  private static void click(By locator) {
    wait.until(driver -> {
      WebElement element = driver.findElement(locator);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return false;
      }
      element.click();
      return true;
    });
  }

  private static void type(By locator, String text) {
    wait.until(driver -> {
      driver.findElement(locator).sendKeys(text);
      return true;
    });
  }
}
