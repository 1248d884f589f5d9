package com.practicestudio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with nothing downloaded: the binary and driver come
 * from the chromium and chromium-driver packages (installed by .ci/run).
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final String baseUrl;
  private final Path profile;

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public void signIn(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in")).click();
    waitFor(By.cssSelector("header.top"));
  }

  public WebElement waitFor(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public void waitForText(By locator, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /**
   * Waits up to 15 s for {@code condition}, reading a page that a click may just be replacing: an
   * element found on the old page and read after the new one arrived is asked again, not a failure.
   */
  private <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                return condition.apply(d);
              } catch (WebDriverException e) {
                if (replacedMeanwhile(e)) {
                  return null;
                }
                throw e;
              }
            });
  }

  private static boolean replacedMeanwhile(WebDriverException e) {
    String message = e.getMessage();
    return e instanceof StaleElementReferenceException
        || (message != null && message.contains("does not belong to the document"));
  }

  /** Quits Chromium and deletes its profile (tens of MB per browser). */
  @Override
  public void close() {
    driver.quit();
    TempDirectories.delete(profile);
  }
}
