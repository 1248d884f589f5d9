package com.practicestudio.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.sandbox.admin.AdminServlet;
import com.practicestudio.sandbox.auth.AuthorizationServlet;
import com.practicestudio.sandbox.ccl.CclServlet;
import com.practicestudio.sandbox.fhir.CernerFhirServer;
import com.practicestudio.sandbox.fhir.FhirGatewayFilter;
import com.practicestudio.sandbox.fhir.SmartConfiguration;
import com.practicestudio.sandbox.http.SandboxValve;
import com.practicestudio.sandbox.millennium.MillenniumServlet;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The embedded Tomcat that serves FHIR, OAuth, the Millennium services, CCL and admin on one port.
 */
final class HttpServer {

  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  private Tomcat tomcat;
  private Path baseDir;
  private volatile int port;

  int port() {
    return port;
  }

  void start(SandboxOptions options, CernerSandbox sandbox, FhirContext fhir)
      throws IOException, LifecycleException {
    TOMCAT_LOG.setLevel(Level.WARNING);
    baseDir = TomcatBaseDir.create(Path.of(System.getProperty("java.io.tmpdir")));
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(options.port());
    connector.setProperty("address", options.host());
    connector.setProperty("relaxedQueryChars", "|[]{}^`\"<>");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    if (context instanceof org.apache.catalina.core.StandardContext standard) {
      standard.setClearReferencesRmiTargets(false);
      standard.setClearReferencesThreadLocals(false);
    }
    SandboxUrls urls = sandbox.urls();
    servlet(
        context,
        "fhir",
        new CernerFhirServer(fhir, sandbox.data(), urls, sandbox.tokens()),
        "/r4/*");
    filter(
        context,
        "fhir-gateway",
        new FhirGatewayFilter(fhir, options.tenant(), () -> SmartConfiguration.of(urls)),
        "/r4/*");
    servlet(
        context,
        "oauth",
        new AuthorizationServlet(
            urls, sandbox.clients(), sandbox.tokens(), sandbox.grants(), sandbox.data()),
        "/tenants/*");
    HttpServlet millennium = new MillenniumServlet(fhir, sandbox.data(), urls, sandbox.tokens());
    servlet(context, "millennium", millennium, "/patient/*");
    context.addServletMappingDecoded("/scheduling/*", "millennium");
    servlet(context, "ccl", new CclServlet(sandbox.ccl(), sandbox.tokens(), urls), "/ccl/*");
    servlet(
        context,
        "admin",
        new AdminServlet(
            sandbox.faults(), sandbox.requests(), sandbox.grants(), sandbox.tokens(), urls),
        "/admin/*");
    sandbox
        .hl7Peer()
        .ifPresent(hl7 -> servlet(context, "admin-hl7", hl7.adminServlet(), "/admin/hl7/*"));
    tomcat
        .getHost()
        .getPipeline()
        .addValve(new SandboxValve(sandbox.faults(), sandbox.requests(), sandbox.clock()));
    tomcat.start();
    port = connector.getLocalPort();
  }

  void stop() {
    if (tomcat != null) {
      try {
        tomcat.stop();
        tomcat.destroy();
      } catch (LifecycleException e) {
        // already stopping; nothing more to release
      }
      tomcat = null;
    }
    if (baseDir != null) {
      TomcatBaseDir.delete(baseDir);
      baseDir = null;
    }
  }

  private static void servlet(Context context, String name, HttpServlet servlet, String mapping) {
    Tomcat.addServlet(context, name, servlet).setLoadOnStartup(1);
    context.addServletMappingDecoded(mapping, name);
  }

  private static void filter(Context context, String name, Filter filter, String mapping) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilter(filter);
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    map.addURLPattern(mapping);
    context.addFilterMap(map);
  }
}
