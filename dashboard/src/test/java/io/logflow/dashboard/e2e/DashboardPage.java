package io.logflow.dashboard.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page as the test sees it: the stable ids and data attributes of {@code index.html}
 * and {@code app.js}, read through small scripts so a re-render between a lookup and a read cannot
 * leave the test holding a stale element.
 */
final class DashboardPage {

    private final WebDriver driver;
    private final JavascriptExecutor js;
    private final WebDriverWait wait;

    DashboardPage(WebDriver driver, Duration timeout) {
        this.driver = driver;
        this.js = (JavascriptExecutor) driver;
        this.wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    }

    void open(String url) {
        driver.get(url);
        await("the page script to run", d -> "true".equals(attr("body", "data-loaded")));
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        wait.withMessage(() -> "waiting for " + what);
        return wait.until(condition);
    }

    /** The service names of the overview's rows, in page order. */
    List<String> listedServices() {
        return strings(
                "return Array.from(document.querySelectorAll('#services tbody tr[data-service]'))"
                        + ".map(r => r.getAttribute('data-service'))");
    }

    /** data-points of every sparkline in the overview. */
    List<Long> sparklinePoints() {
        return numbers("#services .spark");
    }

    /** data-points of every chart in the service detail. */
    List<Long> detailChartPoints() {
        return numbers("#detail .chart");
    }

    boolean displayed(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String attr(String css, String name) {
        Object v =
                js.executeScript(
                        "const e = document.querySelector(arguments[0]);"
                                + " return e ? e.getAttribute(arguments[1]) : null;",
                        css,
                        name);
        return v == null ? null : v.toString();
    }

    /** Whether the page is wider than the window (a horizontal scrollbar). */
    boolean overflowsHorizontally() {
        return Boolean.TRUE.equals(
                js.executeScript(
                        "return document.documentElement.scrollWidth"
                                + " > document.documentElement.clientWidth"));
    }

    /** Clicks a row of the overview outside its link, as a user would. */
    void clickServiceRow(String service) {
        driver.findElement(By.cssSelector("#services tr[data-service=" + cssString(service) + "]"))
                .findElement(By.cssSelector("td.last"))
                .click();
    }

    void backToOverview() {
        driver.findElement(By.cssSelector("#detail a.back")).click();
        await("the overview", d -> displayed("#overview") && !displayed("#detail"));
    }

    void selectRange(String range) {
        driver.findElement(By.cssSelector("#range button[data-range='" + range + "']")).click();
    }

    /** The item texts of a top table ({@code top-paths} or {@code top-errors}). */
    List<String> topItems(String tableId) {
        return strings(
                "return Array.from(document.querySelectorAll('#"
                        + tableId
                        + " tbody tr.item .item-label')).map(e => e.textContent)");
    }

    /**
     * The alerts of a list ({@code alerts-list} or {@code detail-alerts-list}) in page order, as
     * "state | service | kind | summary | numbers".
     */
    List<String> alerts(String listId) {
        return strings(
                "return Array.from(document.querySelectorAll('#"
                        + listId
                        + " li.alert')).map(e => [e.getAttribute('data-state'),"
                        + " e.getAttribute('data-service'),"
                        + " e.querySelector('.alert-kind').textContent,"
                        + " e.querySelector('.alert-summary').textContent,"
                        + " e.querySelector('.alert-numbers').textContent].join(' | '))");
    }

    /**
     * Clicks an alert of the overview outside its link, as a user would; again if a refresh
     * replaced the element between finding and clicking it.
     */
    void clickAlert(String alertId) {
        By summary =
                By.cssSelector(
                        "#alerts-list li.alert[data-alert-id="
                                + cssString(alertId)
                                + "] .alert-summary");
        await(
                "a click on alert " + alertId,
                d -> {
                    try {
                        d.findElement(summary).click();
                        return true;
                    } catch (StaleElementReferenceException e) {
                        return false;
                    }
                });
    }

    /** The rows of the top-errors table as "label | count | new? | example". */
    List<String> topErrorRows() {
        return strings(
                "return Array.from(document.querySelectorAll('#top-errors tbody tr.item'))"
                        + ".map(r => [r.querySelector('.item-label').textContent,"
                        + " r.querySelector('td.num').textContent,"
                        + " r.querySelector('.badge-new') ? 'new' : 'old',"
                        + " (r.querySelector('.item-example') || {textContent: ''}).textContent]"
                        + ".join(' | '))");
    }

    Object script(String script, Object... args) {
        return js.executeScript(script, args);
    }

    /** A CSS string literal for any text: quotes and backslashes escaped. */
    static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private List<Long> numbers(String css) {
        List<Long> out = new ArrayList<>();
        for (String s :
                strings(
                        "return Array.from(document.querySelectorAll('"
                                + css
                                + "')).map(e => e.getAttribute('data-points'))")) {
            out.add(s == null ? -1L : Long.parseLong(s));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script) {
        List<Object> raw = (List<Object>) js.executeScript(script);
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    /** Browser console entries, for failure reports. */
    Map<String, Object> debugState() {
        @SuppressWarnings("unchecked")
        Map<String, Object> state =
                (Map<String, Object>)
                        js.executeScript(
                                "return {hash: location.hash, error:"
                                        + " document.getElementById('error-banner').textContent,"
                                        + " freshness:"
                                        + " document.getElementById('freshness').textContent, live:"
                                        + " document.getElementById('live').textContent}");
        return state;
    }
}
