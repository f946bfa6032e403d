using System.Text;
using Argus.Synthetic.Identity;

namespace Argus.Synthetic.Documents;

/// <summary>The IAM credential report CSV, with AWS's columns and its N/A, not_supported and no_information values.</summary>
internal static class CredentialReport
{
    public const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
        "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
        "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
        "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    public static byte[] Csv(IamAccount iam)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var account = iam.Account;
        csv.Append("<root_account>,arn:aws:iam::").Append(account.Id).Append(":root,").Append(JsonWriting.Iso(account.Joined))
            .Append(",not_supported,").Append(iam.RootPasswordLastUsed is { } used ? JsonWriting.Iso(used) : "no_information")
            .Append(",not_supported,not_supported,").Append(Bool(iam.RootMfa))
            .Append(",false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        foreach (var user in iam.Users)
        {
            csv.Append(user.Name).Append(',').Append(user.Arn).Append(',').Append(JsonWriting.Iso(user.Created)).Append(',')
                .Append(Bool(user.Console)).Append(',')
                .Append(user.Console ? user.PasswordLastUsed is { } last ? JsonWriting.Iso(last) : "no_information" : "N/A").Append(',')
                .Append(user.PasswordChanged is { } changed ? JsonWriting.Iso(changed) : "N/A").Append(',')
                .Append(user.PasswordChanged is { } next && iam.HasPasswordPolicy ? JsonWriting.Iso(next.AddDays(90)) : "N/A").Append(',')
                .Append(Bool(user.Mfa));
            for (var slot = 0; slot < 2; slot++)
            {
                var key = slot < user.Keys.Count ? user.Keys[slot] : null;
                csv.Append(',').Append(Bool(key?.Active == true))
                    .Append(',').Append(key is null ? "N/A" : JsonWriting.Iso(key.Created))
                    .Append(',').Append(key?.LastUsed is { } keyUsed ? JsonWriting.Iso(keyUsed) : "N/A")
                    .Append(',').Append(key?.LastUsedRegion ?? "N/A")
                    .Append(',').Append(key?.LastUsedService ?? "N/A");
            }

            csv.Append(",false,N/A,false,N/A\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString().TrimEnd('\n'));
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
