package io.logflow.dashboard.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, headless, with a fresh profile. Selenium
 * Manager never runs: the binary and the driver are given explicitly, so nothing is downloaded.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.driver().get(url);
 *     browser.screenshot("overview");
 * }
 * }</pre>
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser; fails, never skips, when Chromium or its driver is not installed. */
    static HeadlessChromium start() throws IOException {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Path profile = Files.createTempDirectory("logflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Paths.get(path))) {
            throw new IllegalStateException(
                    path
                            + " is missing: the browser test needs Debian's chromium and"
                            + " chromium-driver packages, which .ci/run installs (apt-get install"
                            + " chromium chromium-driver; this one is "
                            + debianPackage
                            + ")");
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the visible page to {@code target/screenshots/<name>.png} and returns the path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | RuntimeException e) {
            // A failed screenshot must not hide the failure that asked for it.
            System.err.println("Could not save screenshot " + name + ": " + e);
            return null;
        }
    }

    /** Like {@link #screenshot}, but of the whole page height, for reports. */
    Path fullPageScreenshot(String name) {
        Object height =
                driver.executeScript(
                        "return Math.max(document.body.scrollHeight,"
                                + " document.documentElement.scrollHeight)");
        Dimension size = driver.manage().window().getSize();
        int h = height instanceof Number ? ((Number) height).intValue() + 120 : size.getHeight();
        try {
            if (h > size.getHeight()) {
                driver.manage().window().setSize(new Dimension(size.getWidth(), h));
            }
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Resizes the browser window, e.g. to check a narrower laptop layout. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
