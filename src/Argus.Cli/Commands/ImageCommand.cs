using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Vulnerability.Images;

namespace Argus.Cli.Commands;

/// <summary>'argus image scan': the software and known vulnerabilities of a container image.</summary>
public static class ImageCommand
{
    public const string UsernameVariable = "ARGUS_REGISTRY_USERNAME";
    public const string PasswordVariable = "ARGUS_REGISTRY_PASSWORD";

    public static Command Create(CliContext context)
    {
        var command = new Command("image", "Scan container images (from a registry, an OCI layout or a 'docker save' archive) for software and known vulnerabilities.");
        command.Subcommands.Add(CreateScan(context));
        return command;
    }

    private static Command CreateScan(CliContext context)
    {
        var options = new VulnerabilityScanOptions();
        var image = new Argument<string>("image") { Description = "A registry reference (debian:12, ghcr.io/org/app@sha256:...), an OCI layout folder (optionally FOLDER:TAG), or a 'docker save' archive." };
        var platform = new Option<string>("--platform")
        {
            Description = "The platform to pick from a multi-platform image, os/architecture[/variant].",
            DefaultValueFactory = _ => "linux/amd64",
        };
        var plainHttp = new Option<bool>("--plain-http")
        {
            Description = "Talk to the registry over plain HTTP (always done for 127.0.0.1 and localhost).",
        };
        var command = new Command("scan", $"""
            List the software in a container image and match it against OSV vulnerability records.

            The image's layers are verified against their digests and applied in order (with whiteouts) into a
            private temporary folder that is deleted afterwards. Hostile images are refused with a clear error:
            paths or links that leave the image, hard links to files outside it, layers that decompress past a
            limit. Device files are not created.

            Registry logins: Amazon ECR registries (<account>.dkr.ecr.<region>.amazonaws.com) get a token from
            ecr:GetAuthorizationToken with your AWS credentials (feature vuln.images); other registries use
            ${UsernameVariable} and ${PasswordVariable} when the registry asks (Bearer token or Basic).
            Without them pulls are anonymous.

            Examples:
              argus image scan debian:12 --osv ./osv
              argus image scan ./image-layout:latest --sbom-only --format spdx -o sbom.spdx.json
              argus image scan ./saved-image.tar --osv ./osv --fail-on critical
              argus image scan 127.0.0.1:5000/app:1.4 --osv ./osv --store --account 123456789012
            """)
        {
            image, platform, plainHttp,
        };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, cancellation) =>
        {
            Platform wanted;
            try
            {
                wanted = Platform.Parse(parse.GetValue(platform)!);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Usage);
            }

            var database = VulnerabilityScanRun.LoadDatabase(parse, options);
            var scanner = new ImageScanner(database);
            var work = scanner.NewWorkDirectory();
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
                http.DefaultRequestHeaders.UserAgent.ParseAdd($"argus/{Vulnerability.VulnerabilityScanner.ToolVersion}");
                var resolved = ResolveImage(parse.GetValue(image)!, wanted, work, http, parse.GetValue(plainHttp), cancellation);
                var report = scanner.Scan(resolved, DateTimeOffset.UtcNow);
                return VulnerabilityScanRun.Report(context, parse, options, report, resolved.Asset);
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"cannot reach the registry: {e.Message}", ExitCodes.BadInput);
            }
            catch (Argus.Aws.Client.AwsApiException e)
            {
                throw new CliException($"cannot get an Amazon ECR login (ecr:GetAuthorizationToken): {e.Message}", ExitCodes.BadInput);
            }
            finally
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
        return command;
    }

    private static ResolvedImage ResolveImage(string input, Platform platform, string work, HttpClient http, bool plainHttp, CancellationToken cancellation)
    {
        var username = Environment.GetEnvironmentVariable(UsernameVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        IRegistryCredentialProvider? credentials = string.IsNullOrEmpty(username) ? null : new StaticCredentialProvider(new RegistryCredential(username, password ?? string.Empty));
        return ImageInput.ResolveAsync(input, platform, work, ExtractionLimits.Default, () => new RegistryClient(http, new EcrCredentialProvider(http, credentials), plainHttp), cancellation)
            .GetAwaiter().GetResult();
    }
}
