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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
  private static WebDriverWait wait;
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
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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
    browser.findElement(By.id("token")).sendKeys("scimkit_admin_not-the-token");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.textToBe(By.id("message"), "That admin token is not valid."));
    browser.findElement(By.id("token")).sendKeys(adminToken);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organizations"), "Demo organization"));
    wait.until(ExpectedConditions.textToBe(By.id("org-name"), "Demo organization"));

    // A new organization: Enable SCIM shows its key, Rotate key a new one.
    browser.findElement(By.id("new-org-name")).sendKeys("Browser Co");
    browser.findElement(By.id("create-org")).click();
    wait.until(ExpectedConditions.textToBe(By.id("org-name"), "Browser Co"));
    assertThat(browser.findElement(By.id("scim-state")).getText()).isEqualTo("Disabled");
    assertThat(browser.findElement(By.id("rotate-key")).isEnabled()).isFalse();
    browser.findElement(By.id("enable-scim")).click();
    wait.until(ExpectedConditions.textToBe(By.id("scim-state"), "Enabled"));
    String firstKey = awaitKey("");
    String scimUrl = browser.findElement(By.id("scim-url")).getText();
    assertThat(scimUrl).startsWith(server.baseUrl() + "/scim/v2/browser-co-");

    browser.findElement(By.id("rotate-key")).click();
    String key = awaitKey(firstKey);
    assertThat(copied("copy-api-key")).isEqualTo(key);
    assertThat(copied("copy-scim-url")).isEqualTo(scimUrl);
    assertThat(Http.scim("GET", scimUrl + "/Users", firstKey, null).status()).isEqualTo(401);
    assertThat(Http.scim("GET", scimUrl + "/Users", key, null).status()).isEqualTo(200);

    // The identity provider provisions Dana: Invited.
    Http.Response created = Http.scim("POST", scimUrl + "/Users", key, "{'schemas':["
        + "'urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'dana','displayName':'Dana Scully',"
        + "'emails':[{'value':'dana@browser.example','primary':true}],'active':true}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    // No Refresh pressed: the page polls and shows her by itself.
    assertThat(statusOf("dana")).isEqualTo("Invited");

    // Dana follows the link from the outbox: Accepted.
    String link = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#outbox tr[data-kind='invitation'] a"))).getAttribute("href");
    browser.get(link);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Invitation accepted");

    // Back in the console (the token is kept for the session): Confirm.
    browser.get(server.adminUrl());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organizations"), "Browser Co"));
    browser.findElement(By.cssSelector("#organizations tr[data-org^='browser-co-'] button.select-org")).click();
    wait.until(ExpectedConditions.textToBe(By.id("org-name"), "Browser Co"));
    assertThat(statusOf("dana")).isEqualTo("Accepted");
    browser.findElement(By.cssSelector("#members tr[data-member='dana'] button.confirm")).click();
    wait.until(ExpectedConditions.textToBe(By.id("message"), "dana is confirmed."));
    assertThat(statusOf("dana")).isEqualTo("Confirmed");
    assertThat(browser.findElements(By.cssSelector("#members button.confirm"))).isEmpty();
    assertThat(browser.findElement(By.id("outbox")).getText()).contains("invitation", "accepted", "confirmed");
  }

  private static void screenshot(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    File taken = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String awaitKey(String previous) {
    wait.until(driver -> {
      String shown = driver.findElement(By.id("api-key")).getText();
      return shown.startsWith("scimkit_") && !shown.equals(previous);
    });
    return browser.findElement(By.id("api-key")).getText();
  }

  /** Presses a Copy button and pastes the clipboard into the new-organization field to read it. */
  private static String copied(String button) {
    browser.findElement(By.id(button)).click();
    wait.until(ExpectedConditions.textToBe(By.id(button), "Copied"));
    WebElement field = browser.findElement(By.id("new-org-name"));
    field.clear();
    field.sendKeys(Keys.chord(Keys.CONTROL, "v"));
    String pasted = field.getAttribute("value");
    field.clear();
    return pasted;
  }

  private static String statusOf(String userName) {
    By status = By.cssSelector("#members tr[data-member='" + userName + "'] .status");
    WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(status));
    return cell.getText();
  }
}
