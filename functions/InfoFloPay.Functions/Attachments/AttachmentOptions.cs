using System.ComponentModel.DataAnnotations;

namespace InfoFloPay.Functions.Attachments;

/// <summary>Settings under <c>Attachments:</c> (<c>Attachments__MaxBytes</c>, <c>Attachments__Container</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes; larger uploads get 413 and store nothing.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The private blob container the files go to (created on first use where the identity may).</summary>
    [Required]
    public string Container { get; set; } = "attachments";
}
