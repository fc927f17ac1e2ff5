#!/usr/bin/env bash
# Checks that every dependency list in docs/embedding.md builds and serves SCIM exactly as written.
#
# For each case below it writes a throwaway Maven project outside the repository whose POM is the
# guide's scim-bom import plus the guide's dependency list for that container, and whose code is
# the guide's Java snippets (wrapped in a class, with their imports) and a few lines of glue that
# create tenant "acme" and its key and start the server on 127.0.0.1, port 0. It then packages the
# project, runs it, and expects 200 from GET /ServiceProviderConfig with the key and 401 without.
#
# ScimKit's artifacts are installed into a PRIVATE local repository ($EMBED_CHECK_DIR/m2), never
# into ~/.m2. Pre-seed it by copying ~/.m2/repository there to save downloads.
#
#   docs/check-embedding.sh              # install, then check every case
#   docs/check-embedding.sh --no-install grizzly tomcat   # check some cases against the last install
#
# Cases: spring-boot (the list as written, H2 as its comment offers), spring-boot-minimal (the
# starter alone: in-memory stores), grizzly, jetty, tomcat, jetty-servlet. Environment:
# EMBED_CHECK_DIR (default /tmp/embed-check), MVN_FLAGS (extra flags for every Maven run, e.g. -o).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${EMBED_CHECK_DIR:-/tmp/embed-check}
REPO="$WORK/m2"
MVN_FLAGS=${MVN_FLAGS:-}
ALL_CASES=(spring-boot spring-boot-minimal grizzly jetty tomcat jetty-servlet)

install=true
if [[ "${1:-}" == "--no-install" ]]; then install=false; shift; fi
cases=("$@")
[[ ${#cases[@]} -eq 0 ]] && cases=("${ALL_CASES[@]}")

mkdir -p "$REPO"
if $install; then
  echo "== installing ScimKit into $REPO"
  (cd "$ROOT" && ./mvnw -B -q $MVN_FLAGS install -DskipTests -Dmaven.repo.local="$REPO" \
    -pl scim-bom,scim-core,scim-jersey-adapter,scim-store-jdbc,scimkit-spring-boot-starter -am)
fi

# Writes $WORK/<case>/ from the guide: pom.xml and src/main/java/check/*.java.
generate() {
  python3 - "$ROOT/docs/embedding.md" "$WORK/$1" "$1" <<'PY'
import pathlib, re, sys

doc, out, case = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
blocks, section, fence = [], 0, None
for line in doc.read_text().splitlines():
    if fence is None:
        m = re.match(r"## (\d+)\.", line)
        if m:
            section = int(m.group(1))
        m = re.match(r"```(\w+)", line)
        if m:
            fence = (section, m.group(1), [])
    elif line.startswith("```"):
        blocks.append((fence[0], fence[1], "\n".join(fence[2])))
        fence = None
    else:
        fence[2].append(line)

def code(sec, lang):
    return [text for s, l, text in blocks if s == sec and l == lang]

def units(sec):
    """The Java snippets of a section, one per '// EmbeddingExamples.java' marker."""
    found = []
    for text in code(sec, "java"):
        for part in re.split(r"(?m)^(?=// EmbeddingExamples\.java)", text):
            if part.strip():
                found.append(part)
    return found

def unit(sec, needle):
    return next(u for u in units(sec) if needle in u)

bom = code(0, "xml")[0]
COMMON = """import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.memory.InMemoryApiKeyStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
"""
READY = 'System.out.println("READY http://127.0.0.1:" + port + "%s " + key);'
CASES = {
    "grizzly": (code(3, "xml")[0], [unit(3, "grizzly(")],
        "import io.github.scimkit.jersey.container.GrizzlyErrorPages;\n"
        "import org.glassfish.grizzly.http.server.HttpServer;\n"
        "import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;\n",
        """HttpServer server = grizzly(URI.create("http://127.0.0.1:0/api/"), application(engine(stores), keys));
    int port = server.getListener("grizzly").getPort();
    """ + READY % "/api/scim/v2/acme"),
    "jetty": (code(4, "xml")[0], [unit(4, "jetty(")],
        "import io.github.scimkit.jersey.container.JettyErrorHandler;\n"
        "import org.eclipse.jetty.server.Server;\n"
        "import org.eclipse.jetty.server.ServerConnector;\n"
        "import org.glassfish.jersey.jetty.JettyHttpContainerFactory;\n",
        """Server server = jetty(URI.create("http://127.0.0.1:0/"), application(engine(stores), keys));
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    """ + READY % "/scim/v2/acme"),
    "tomcat": (code(5, "xml")[0] + code(5, "xml")[1],
        [unit(5, "ScimInitializer implements"), unit(5, "static Tomcat tomcat(")],
        "import jakarta.servlet.ServletContainerInitializer;\n"
        "import jakarta.servlet.ServletContext;\n"
        "import jakarta.servlet.ServletRegistration;\n"
        "import org.apache.catalina.Context;\n"
        "import org.apache.catalina.connector.Connector;\n"
        "import org.apache.catalina.startup.Tomcat;\n"
        "import org.glassfish.jersey.servlet.ServletContainer;\n",
        """Tomcat tomcat = tomcat("127.0.0.1", 0, Files.createTempDirectory("tomcat"), new ScimInitializer(stores, keys));
    tomcat.start();
    int port = tomcat.getConnector().getLocalPort();
    """ + READY % "/api/scim/v2/acme"),
    "jetty-servlet": (code(5, "xml")[0] + code(5, "xml")[2],
        [unit(5, "ScimInitializer implements"), unit(5, "static Server jettyServlet(")],
        "import jakarta.servlet.ServletContainerInitializer;\n"
        "import jakarta.servlet.ServletContext;\n"
        "import jakarta.servlet.ServletRegistration;\n"
        "import org.eclipse.jetty.ee10.servlet.ServletContextHandler;\n"
        "import org.eclipse.jetty.server.Server;\n"
        "import org.eclipse.jetty.server.ServerConnector;\n"
        "import org.glassfish.jersey.servlet.ServletContainer;\n",
        """Server server = jettyServlet("127.0.0.1", 0, new ScimInitializer(stores, keys));
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    """ + READY % "/api/scim/v2/acme"),
}

src = out / "src/main/java/check"
src.mkdir(parents=True, exist_ok=True)
pom_head = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
<modelVersion>4.0.0</modelVersion>
%s
<groupId>check</groupId><artifactId>embed-%s</artifactId><version>1</version>
<properties><maven.compiler.release>17</maven.compiler.release>
<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
%s
%s
</project>
"""
if case.startswith("spring-boot"):
    spring = code(1, "xml")[0]
    parent = re.search(r"<parent>.*?</parent>", spring, re.S).group(0)
    deps = re.search(r"<dependencies>.*?</dependencies>", spring, re.S).group(0)
    if case == "spring-boot":
        # The list as written, with the H2 driver its comment offers: an embedded DataSource.
        deps = deps.replace("<groupId>org.postgresql</groupId>", "<groupId>com.h2database</groupId>") \
                   .replace("<artifactId>postgresql</artifactId>", "<artifactId>h2</artifactId>")
    else:
        deps = re.sub(r"\s*<!-- Optional.*", "\n</dependencies>", deps, flags=re.S)
    (out / "pom.xml").write_text(pom_head % (parent, case, bom, deps))
    onboarding = code(1, "java")[0]
    (src / "Onboarding.java").write_text(
        "package check;\n\nimport com.unboundid.scim2.common.exceptions.ScimException;\n"
        "import io.github.scimkit.spring.boot.ScimTenants;\n"
        "import org.springframework.stereotype.Component;\n\n" + onboarding + "\n")
    (src / "Main.java").write_text("""package check;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

@SpringBootApplication
public class Main {
  private volatile int port;

  public static void main(String[] args) {
    SpringApplication.run(Main.class, "--server.address=127.0.0.1", "--server.port=0");
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    port = event.getWebServer().getPort();
  }

  @Bean
  ApplicationRunner acme(Onboarding onboarding) {
    return args -> {
      String key = onboarding.enableScim("acme");
      """ + READY % "/scim/v2/acme" + """
    };
  }
}
""")
else:
    xml, snippets, imports, start = CASES[case]
    (out / "pom.xml").write_text(pom_head % ("", case, bom, "<dependencies>\n" + xml + "\n</dependencies>"))
    body = "\n".join(code(2, "java")) + "\n" + "\n".join(snippets)
    (src / "Main.java").write_text("package check;\n\n" + COMMON + imports + """
public final class Main {
""" + body + """

  public static void main(String[] args) throws Exception {
    InMemoryStoreProvider stores = new InMemoryStoreProvider();
    ApiKeyStore keys = new InMemoryApiKeyStore();
    String key = createTenant(stores, keys, "acme");
    """ + start + """
    Thread.currentThread().join();
  }
}
""")
PY
}

failures=0
check() {
  local name=$1 dir="$WORK/$1" pid="" url="" key="" ok=false
  echo "== $name"
  rm -rf "$dir"
  generate "$name"
  (cd "$dir" && mvn_out=$("$ROOT/mvnw" -B -q $MVN_FLAGS -Dmaven.repo.local="$REPO" package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=classpath.txt 2>&1) || { echo "$mvn_out"; exit 1; }) || {
    echo "FAIL $name: the project does not build"; failures=$((failures + 1)); return; }
  java -cp "$dir/target/classes:$(cat "$dir/classpath.txt")" check.Main >"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if grep -q '^READY ' "$dir/server.log"; then break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  read -r _ url key < <(grep '^READY ' "$dir/server.log" || true)
  if [[ -n "$url" ]]; then
    local with without
    with=$(curl -s -o "$dir/spc.json" -w '%{http_code}' -H "Authorization: Bearer $key" "$url/ServiceProviderConfig")
    without=$(curl -s -o /dev/null -w '%{http_code}' "$url/ServiceProviderConfig")
    echo "   $url/ServiceProviderConfig: $with with the key, $without without"
    [[ "$with" == 200 && "$without" == 401 ]] && grep -q ServiceProviderConfig "$dir/spc.json" && ok=true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if $ok; then echo "OK   $name"; else
    echo "FAIL $name (server log: $dir/server.log)"; tail -n 20 "$dir/server.log"; failures=$((failures + 1)); fi
}

for c in "${cases[@]}"; do check "$c"; done
if [[ $failures -gt 0 ]]; then echo "$failures case(s) failed"; exit 1; fi
echo "every case served SCIM"
