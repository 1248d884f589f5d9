package com.practicestudio.sandbox.ccl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.UnknownCommandFactory;

/**
 * The CCL back end over SSH: the exec command {@code ccl} runs a script or text given as arguments
 * (see {@link CclInvocation}), or, with no arguments, the JSON request read from standard input
 * (the HTTP service's body). It writes the JSON reply and one newline to standard output and exits
 * 0 for S and Z, 1 for F. Other commands answer "Unknown command" on standard error, exit status 1.
 */
public final class CclSshCommands implements CommandFactory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CclService ccl;

  public CclSshCommands(CclService ccl) {
    this.ccl = ccl;
  }

  @Override
  public Command createCommand(ChannelSession channel, String command) throws IOException {
    String trimmed = command.strip();
    boolean isCcl = trimmed.equals("ccl") || trimmed.startsWith("ccl ");
    if (!isCcl) {
      return UnknownCommandFactory.INSTANCE.createCommand(channel, command);
    }
    return new Run(trimmed.substring(3).strip());
  }

  private final class Run extends AbstractCommandSupport {
    private final String arguments;

    Run(String arguments) {
      super("ccl", null);
      this.arguments = arguments;
    }

    @Override
    public void run() {
      int status = 1;
      try {
        CclReply reply = reply();
        status = reply.failed() ? 1 : 0;
        OutputStream out = getOutputStream();
        out.write(JSON.writeValueAsBytes(reply.toJson()));
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        // the client went away; nothing more to tell it
      }
      onExit(status);
    }

    private CclReply reply() throws IOException {
      try {
        if (arguments.isEmpty()) {
          InputStream in = getInputStream();
          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          return ccl.run(CclRequests.fromJson(JSON.readTree(body)));
        }
        return ccl.run(CclInvocation.parse(arguments));
      } catch (CclException e) {
        return CclReply.failure("CCL", e);
      } catch (IllegalArgumentException | JsonProcessingException e) {
        String why = e instanceof IllegalArgumentException ? e.getMessage() : "stdin is not JSON";
        return CclReply.failure("CCL", new CclException(CclException.Kind.SCRIPT, null, why));
      }
    }
  }
}
