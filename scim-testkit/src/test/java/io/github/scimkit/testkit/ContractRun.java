package io.github.scimkit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The outcome of running one contract test class with the JUnit Platform launcher. */
final class ContractRun {

  private final TestExecutionSummary summary;
  private final List<String> failedTests;

  private ContractRun(TestExecutionSummary summary, List<String> failedTests) {
    this.summary = summary;
    this.failedTests = failedTests;
  }

  /** Runs every test of a class, nested groups included, and collects the failures (a test whose assumption fails is skipped, not failed). */
  static ContractRun of(Class<?> testClass) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(testClass))
        .build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    List<String> failed = new ArrayList<>();
    TestExecutionListener failures = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
          failed.add(test.getDisplayName());
        }
      }
    };
    LauncherFactory.create().execute(request, summary, failures);
    return new ContractRun(summary.getSummary(), List.copyOf(failed));
  }

  /** Returns the display names of the tests that failed. */
  List<String> failedTests() {
    return failedTests;
  }

  /** Returns how many tests failed. */
  long failureCount() {
    return summary.getTotalFailureCount();
  }

  /** Returns how many tests passed. */
  long successCount() {
    return summary.getTestsSucceededCount();
  }
}
