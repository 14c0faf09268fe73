using System.Text.Json;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.EvidenceFiles;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ledger.Web.Http;

/// <summary>
/// Maps what the application throws to RFC 7807 answers in Chinese. Anything unexpected becomes a
/// generic 500 that names the trace id and nothing else: exception details stay in the log.
/// </summary>
internal sealed partial class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
        {
            LogUnhandled(exception);
            problem = Unexpected();
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// The answer to a failure the user can act on (bad input, a rule, a stale version, a record out of reach), or null
    /// for one they cannot. The UI shows the same words the API answers with.
    /// </summary>
    public static ProblemDetails? Describe(Exception exception) =>
        exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(FieldErrors(validation))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "提交的内容有误",
                Detail = "请按提示修改后重新提交。",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "文件过大",
                Detail = "上传的内容超过了允许的大小，请压缩或拆分后再上传。",
            },
            EvidenceRejectedException { TooLarge: true } tooLarge => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "文件过大",
                Detail = tooLarge.Message,
            },
            EvidenceRejectedException rejected => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [rejected.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "文件不能上传",
                Detail = rejected.Message,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "请求格式不正确",
                Detail = "请求内容无法识别，请检查字段名称和取值格式（日期如 2025-01-16）。",
            },
            ForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "没有权限",
                Detail = forbidden.Message,
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "记录不存在",
                Detail = notFound.Message,
            },
            ConcurrencyConflictException conflict => WithExtension(
                WithExtension(
                    new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "数据已被修改", Detail = conflict.Message },
                    "currentVersion",
                    conflict.CurrentVersion),
                "changedIds",
                conflict.ChangedIds.Count == 0 ? null : conflict.ChangedIds),
            BusinessRuleViolationException rule => WithExtension(
                new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "操作不符合整改规则", Detail = rule.Message },
                "code",
                rule.Code),
            _ when DatabaseFailures.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "系统繁忙，请稍后重试",
                Detail = "数据库暂时无法响应，本次操作没有保存。请稍后重试；如问题持续，请联系系统管理员。",
            },
            _ => null,
        };

    /// <summary>What a user is told of a failure that is not theirs: nothing of the exception, which goes to the log.</summary>
    public static ProblemDetails Unexpected() => new()
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "系统内部错误",
        Detail = "服务器处理请求时出错，请稍后重试；如问题持续，请将追踪编号告知管理员。",
    };

    /// <summary>Field names as the JSON body spells them (camelCase), so a form can put each message under its field.</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));

    private static ProblemDetails WithExtension(ProblemDetails problem, string key, object? value)
    {
        if (value is not null)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not answer; the request was refused with 503")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogUnhandled(Exception exception);
}
