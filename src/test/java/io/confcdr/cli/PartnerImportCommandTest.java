package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnerImportCommandTest {

    private static final String TREE = """
            {"name":"Operator","parent_sid":null,"partner_sid":"root"}
            {"name":"Acme","parent_sid":"root","partner_sid":"acme"}
            {"name":"Acme West","parent_sid":"acme","partner_sid":"acme-west"}
            """;

    @Test
    void createsEveryPartnerOfTheTree() {
        var cli = new CliHarness().withStdin(TREE);

        var result = cli.run("partner", "import", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(cli.storage.partners().subtree("root")).containsExactlyInAnyOrder("root", "acme", "acme-west");
        assertThat(cli.storage.partners().find("acme").orElseThrow().name()).isEqualTo("Acme");
    }

    @Test
    void importingTheSameTreeAgainChangesNothing() {
        var cli = new CliHarness().withStdin(TREE);
        cli.run("partner", "import", "-");

        var again = cli.withStdin(TREE).run("partner", "import", "-");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).isEqualTo("created 0, existing 3");
    }

    @Test
    void aChildBeforeItsParentIsAUsageError() {
        var cli = new CliHarness().withStdin("""
                {"name":"Acme","parent_sid":"root","partner_sid":"acme"}
                {"name":"Operator","parent_sid":null,"partner_sid":"root"}
                """);

        var result = cli.run("partner", "import", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("partner acme: unknown parent partner root");
    }

    @Test
    void aLineThatIsNotAPartnerIsReportedByNumber() {
        var result = new CliHarness().withStdin("{\"name\":\"x\"}\n").run("partner", "import", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: line 1: partner_sid and name are required");
    }

    @Test
    void aNameThatCannotBeStoredIsAUsageErrorAndNothingIsCreated() {
        var cli = new CliHarness().withStdin("""
                {"name":"Operator","parent_sid":null,"partner_sid":"root"}
                {"name":"Acme\\u0000","parent_sid":"root","partner_sid":"acme"}
                """);

        var result = cli.run("partner", "import", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("confcdr: line 2: name must not contain NUL characters");
        assertThat(cli.storage.partners().find("root")).isEmpty();
    }
}
