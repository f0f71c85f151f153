package org.gaitform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gaitform.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * {@code gaitform serve} in a real browser: headless Debian Chromium driven by Selenium through the system's
 * chromedriver (never a downloaded one). Uploads the sample-data recordings and a FIT file through the page, waits
 * for the progress, checks the HTML scorecard's numbers against summary.json, downloads the PDF, walks the page by
 * keyboard, deletes the upload. Screenshots of the upload, progress and result pages go to
 * {@code target/web-screenshots/} (the ones in docs/ were taken with it). Skipped, saying how to install them,
 * where Chromium or chromedriver is missing.
 */
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "web-screenshots");

    @Test
    void uploadFollowProgressReadTheScorecardDownloadAndDelete(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "skipped: the browser test needs "
                + "Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER + "; install them with "
                + "'apt-get install -y chromium chromium-driver' (.ci/run does so)");
        Files.createDirectories(SHOTS);
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        List<Path> uploads = new ArrayList<>(WebRestartTest.samples());
        Optional<Path> fit = fitFile();
        fit.ifPresent(uploads::add);
        WebSettings s = WebSettings.defaults(tmp.resolve("data")).withPort(0).withJobs(2, 20);
        try (GaitformServer server = new GaitformServer(s, "test")) {
            server.onInternalError(System.err::println);
            server.start();
            WebDriver driver = browser(tmp.resolve("profile"), downloads);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                driver.get(server.address());
                assertThat(driver.getTitle()).contains("Upload");
                // keyboard: the first Tab reaches the skip link, every form field has a label
                driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
                assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
                for (WebElement in : driver.findElements(By.cssSelector("input:not([type=hidden]), select"))) {
                    String id = in.getAttribute("id");
                    assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of " + id)
                            .hasSize(1);
                }
                driver.findElement(By.id("files")).sendKeys(String.join("\n", uploads.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString()).toList()));
                driver.findElement(By.cssSelector("details.meta summary")).click();
                driver.findElement(By.id("height_cm")).sendKeys("176");
                driver.findElement(By.id("pain_during")).sendKeys("2");
                wait.until(d -> d.findElements(By.cssSelector("#chosen li")).size() == uploads.size());
                shot(driver, "upload", 1100);
                driver.findElement(By.id("send")).click();

                // the job page, live: take the progress picture while it runs
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job")));
                String jobUrl = driver.getCurrentUrl();
                String jobId = jobUrl.replaceAll(".*/jobs/", "");
                assertThat(jobId).matches("[A-Za-z0-9_-]{22}");
                WebDriverWait long_ = new WebDriverWait(driver, Duration.ofMinutes(4));
                long_.until(d -> ((Number) reading(d, "return document.querySelectorAll("
                        + "'#inputs li[data-status=ok]').length;")).intValue() > 0 || state(d).equals("done"));
                if (!state(driver).equals("done")) {
                    shot(driver, "progress", 800);
                }
                long_.until(d -> state(d).equals("done"));
                assertThat(driver.findElements(By.cssSelector("#inputs li[data-status=ok]"))).hasSize(uploads.size());
                shot(driver, "job-done", 1400);

                // each session page: the scorecard's numbers are those of summary.json
                WebClient http = new WebClient(server.address());
                for (WebElement a : driver.findElements(By.cssSelector("#inputs li a"))) {
                    String href = a.getAttribute("href");
                    String sid = href.replaceAll(".*/sessions/", "");
                    Map<?, ?> summary = WebClient.json(http.get("/jobs/" + jobId + "/files/" + sid + "/summary.json")
                            .body());
                    WebDriver w = driver;
                    String html = (String) ((JavascriptExecutor) w).executeScript(
                            "return fetch(arguments[0]).then(r => r.text())", href);
                    int tiles = WebScorecardCheck.tilesMatch(html, summary, sid);
                    assertThat(tiles).as(sid + " headline tiles").isGreaterThanOrEqualTo(3);
                    WebScorecardCheck.rowsMatch(html, summary, sid);
                }
                String sample = WebRestartTest.samples().get(0).getFileName().toString().replace(".csv", "");
                driver.findElement(By.linkText(sample + ".csv")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.scorecard")));
                List<WebElement> charts = driver.findElements(By.cssSelector("figure img"));
                assertThat(charts).isNotEmpty();
                for (WebElement img : charts) {
                    assertThat(img.getAttribute("alt")).isNotBlank();
                    // the charts load lazily: bring each into view, then it must load
                    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", img);
                    wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                            "return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() > 0);
                }
                ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
                shot(driver, "result", 2600);
                driver.manage().window().setSize(new Dimension(400, 900));
                Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth");
                assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(400);
                shot(driver, "result-phone", 2000);
                driver.manage().window().setSize(new Dimension(1280, 1000));
                if (fit.isPresent()) {
                    driver.navigate().back();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job")));
                    driver.findElement(By.linkText(fit.get().getFileName().toString())).click();
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main h1")));
                    assertThat(driver.findElement(By.cssSelector("#main h1")).getText()).contains(fit.get().getFileName()
                            .toString());
                    shot(driver, "result-fit", 2200);
                } else {
                    System.out.println("WebBrowserTest: the FIT part was skipped: ../shared/data is absent");
                }

                // download the PDF through the browser
                driver.navigate().to(jobUrl);
                driver.findElement(By.linkText(sample + ".csv")).click();
                driver.findElement(By.id("report-pdf")).click();
                Path pdf = downloads.resolve("report.pdf");
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(pdf)
                        && !Files.exists(downloads.resolve("report.pdf.crdownload")));
                assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF-");

                // My sessions lists it; delete it (the page asks first)
                driver.navigate().to(server.address() + "mine");
                assertThat(driver.findElements(By.cssSelector("#mine li[data-job='" + jobId + "']"))).hasSize(1);
                driver.navigate().to(jobUrl);
                driver.findElement(By.id("delete")).click();
                wait.until(ExpectedConditions.alertIsPresent()).accept();
                wait.until(ExpectedConditions.urlContains("/mine"));
                assertThat(driver.findElements(By.cssSelector("#mine li[data-job='" + jobId + "']"))).isEmpty();
                assertThat(http.get("/jobs/" + jobId).statusCode()).isEqualTo(404);
                assertThat(tmp.resolve("data/jobs").resolve(jobId)).doesNotExist();
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * The job page's state. The page polls the server and reloads itself when the job ends, so an element found a
     * moment ago may belong to the document being replaced: the state is read in one script call (no element reference
     * is kept between calls) and, when the call lands in the middle of the reload, read again.
     */
    static String state(WebDriver d) {
        Object s = reading(d, "var j = document.getElementById('job'); return j ? j.getAttribute('data-state') : '';");
        return s == null ? "" : s.toString();
    }

    /** A script's result, read again (up to 20 times, 100 ms apart) while the call lands in the middle of a reload. */
    static Object reading(WebDriver d, String script) {
        for (int attempt = 0; ; attempt++) {
            try {
                return ((JavascriptExecutor) d).executeScript(script);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static Optional<Path> fitFile() {
        Path f = SharedData.root().resolve("garmin-stryd-fit-exports/fit/fitparse__activity-small-fenix2-run.fit");
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** Headless Debian Chromium through the system chromedriver, a fresh profile, downloads into a folder. */
    static WebDriver browser(Path profile, Path downloads) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** A full-page screenshot of the given height into target/web-screenshots/NAME.png. */
    static void shot(WebDriver driver, String name, int height) throws Exception {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), height));
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    static boolean hasFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
