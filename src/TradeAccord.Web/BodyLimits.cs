using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TradeAccord.Web;

/// <summary>An endpoint's largest request body, in bytes, when it is not <see cref="BodyLimits.DefaultBytes"/>.</summary>
/// <param name="Bytes">The limit.</param>
/// <remarks>
/// The framework's own size-limit metadata is not used: the in-process test host cannot apply it and would warn on
/// every request, while this limit is applied the same way on every host.
/// </remarks>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Each endpoint's largest request body: the endpoint's own <see cref="BodyLimit"/> (the batch upload, the endpoints
/// that take a document), else <see cref="DefaultBytes"/>. A body over the limit is answered 413
/// with the limit, before it is read when its length is declared, as soon as it passes the limit when it is chunked.
/// </summary>
internal static class BodyLimits
{
    /// <summary>The limit for requests that carry neither a document nor an upload: a case, an offer, a quote's fields.</summary>
    public const long DefaultBytes = 64 * 1024;

    private const string LimitItem = "body-limit";
    private const string ExceededItem = "body-too-large";

    /// <summary>The limit that applies to the current request.</summary>
    public static long LimitOf(HttpContext context) => context.Items[LimitItem] as long? ?? DefaultBytes;

    /// <summary>The middleware.</summary>
    public static async Task Enforce(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultBytes;
        context.Items[LimitItem] = limit;
        if (context.Request.ContentLength > limit)
        {
            await Problems.TooLarge(context, limit).ConfigureAwait(false);
            return;
        }

        // Kestrel counts too (and stops reading the socket); the in-process test host has no such feature.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedStream(context.Request.Body, limit, () => context.Items[ExceededItem] = true);
        await next(context).ConfigureAwait(false);
        // A reader that swallowed the failure (the JSON binder treats an I/O error as a closed connection) left no answer.
        if (context.Items.ContainsKey(ExceededItem) && !context.Response.HasStarted)
        {
            await Problems.TooLarge(context, limit).ConfigureAwait(false);
        }
    }

    private sealed class LimitedStream(Stream inner, long limit, Action exceeded) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                exceeded();
                throw new BadHttpRequestException($"the request body is over the limit of {limit:N0} bytes", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
